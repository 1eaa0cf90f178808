package cn.jiyuan.decisionreview.report;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Text helpers of the report: people's entries are embedded in the report's own sentences, so their final
 * punctuation must give way to the sentence's (no "形成评估报告。；"), and numbers are written one way.
 */
public final class ReportText {

  /** Marks that end or join clauses; two in a row are a typo or a seam between an entry and a sentence. */
  private static final Pattern DOUBLED = Pattern.compile("[。；，、：]+([。；，、：])");
  private static final Pattern TRAILING = Pattern.compile("[\\s。；，、：.;,:！!？?]+$");
  private static final String SENTENCE_END = "。！？…!?";
  private static final String CLAUSE_END = "；，、：;,:.";

  private ReportText() {}

  /** A complete sentence: one 。 at the end (a trailing ；，、： becomes 。), doubled marks collapsed. */
  public static String sentence(String text) {
    String t = tidy(text).strip();
    if (t.isEmpty()) {
      return t;
    }
    char last = t.charAt(t.length() - 1);
    if (SENTENCE_END.indexOf(last) >= 0) {
      return t;
    }
    if (CLAUSE_END.indexOf(last) >= 0) {
      return sentence(t.substring(0, t.length() - 1));
    }
    return t + "。";
  }

  /**
   * A paragraph typed by a person, each line ending as a sentence: a line without final punctuation gets 。, a line
   * ending in ； or ， (a list such as 一是……；二是……。) keeps it.
   */
  public static String paragraph(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : tidy(text).split("\\R")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      char last = t.charAt(t.length() - 1);
      out.append(out.length() == 0 ? "" : "\n")
          .append(SENTENCE_END.indexOf(last) >= 0 || CLAUSE_END.indexOf(last) >= 0 ? t : t + "。");
    }
    return out.toString();
  }

  /** A part of a longer sentence: the entry without its final punctuation, e.g. "形成评估报告。" → "形成评估报告". */
  public static String clause(String text) {
    return TRAILING.matcher(tidy(text).strip()).replaceAll("");
  }

  /** Collapses a run of clause marks to its last one: "报告。；" → "报告；", "。。" → "。". */
  public static String tidy(String text) {
    return text == null ? "" : DOUBLED.matcher(text).replaceAll("$1");
  }

  /** 2026-11-27 → 2026年11月27日; {@code null} → "". */
  public static String date(LocalDate date) {
    return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
