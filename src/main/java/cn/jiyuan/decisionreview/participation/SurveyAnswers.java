package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.QuestionType;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's check of one answer sheet against the survey's own questions: the page checks the same, but a
 * public endpoint trusts nothing it is sent. Decisions taken here:
 * <ul>
 * <li>SCALE takes a JSON integer 1–5, or 0 for 不清楚; {@code 4.0}, {@code "4"} and {@code true} are refused, so
 * that what is stored is exactly what the scale offers.</li>
 * <li>An answer that is null, an empty list or blank text counts as not given: refused on a required question,
 * left out on an optional one.</li>
 * <li>TEXT is at most {@value #MAX_TEXT} characters counted as code points (an emoji is one character), and may not
 * hold control characters other than tab and line breaks, or unpaired surrogates: PostgreSQL cannot store NUL,
 * and neither would survive an export.</li>
 * <li>MULTIPLE answers are stored in the order of the options, so that the same choice always reads alike.</li>
 * </ul>
 * Every refusal names the question: its number and the start of its text.
 */
public final class SurveyAnswers {

  public static final int MAX_TEXT = 2000;
  /** How much of a question's text a message quotes. */
  static final int QUOTED = 20;
  private static final Pattern SHOWABLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final BigInteger SCALE_MAX = BigInteger.valueOf(SurveyScale.MAX);

  /** One refused answer; {@code questionId} is null when the sheet as a whole is at fault. */
  public record Problem(String questionId, String message) {
  }

  /** The sheet is refused: every problem found, in question order (unknown questions first). */
  public static final class Invalid extends RuntimeException {
    private final transient List<Problem> problems;

    Invalid(List<Problem> problems) {
      super(problems.get(0).message(), null, false, false);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  private SurveyAnswers() {
  }

  /**
   * The answers as they are stored: question id → Integer (SCALE), String (SINGLE, TEXT) or List of String
   * (MULTIPLE), in question order, unanswered optional questions left out.
   *
   * @throws Invalid with every problem found
   */
  public static Map<String, Object> validate(List<SurveyQuestion> questions, JsonNode answers) {
    if (answers == null || answers.isMissingNode() || answers.isNull()) {
      throw new Invalid(List.of(new Problem(null, "请求中缺少 answers（各题的回答）。")));
    }
    if (!answers.isObject()) {
      throw new Invalid(List.of(new Problem(null, "answers 须为对象，以题号对应回答，如 {\"q1\": 5}。")));
    }
    Map<String, SurveyQuestion> byId = new LinkedHashMap<>();
    questions.forEach(q -> byId.put(q.id(), q));
    List<Problem> problems = new ArrayList<>();
    for (Iterator<String> names = answers.fieldNames(); names.hasNext();) {
      String id = names.next();
      if (!byId.containsKey(id)) {
        problems.add(new Problem(null, "问卷中没有题目“" + showable(id) + "”，请刷新页面后重新作答。"));
      }
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      SurveyQuestion question = questions.get(i);
      String problem = check(question, answers.get(question.id()), accepted);
      if (problem != null) {
        problems.add(new Problem(question.id(), name(i, question) + "：" + problem));
      }
    }
    if (problems.isEmpty() && accepted.isEmpty()) {
      problems.add(new Problem(null, "请至少回答一道题后再提交。"));
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return accepted;
  }

  /** {@code 第2题（题目的前二十个字…）}. */
  static String name(int index, SurveyQuestion question) {
    String text = question.text() == null ? "" : question.text().strip();
    if (text.codePointCount(0, text.length()) > QUOTED) {
      text = text.substring(0, text.offsetByCodePoints(0, QUOTED)) + "…";
    }
    return "第" + (index + 1) + "题" + (text.isEmpty() ? "" : "（" + text + "）");
  }

  /** The problem with this answer, or null when it is fine (then it is put into {@code accepted} if given). */
  private static String check(SurveyQuestion question, JsonNode value, Map<String, Object> accepted) {
    Object answer;
    if (value == null || value.isNull()) {
      answer = null;
    } else {
      Object checked = switch (question.type()) {
        case SCALE -> scale(value);
        case SINGLE -> single(question, value);
        case MULTIPLE -> multiple(question, value);
        case TEXT -> text(value);
      };
      if (checked instanceof Refusal refusal) {
        return refusal.message();
      }
      answer = checked;
    }
    if (answer == null) {
      return question.required() ? unanswered(question.type()) : null;
    }
    accepted.put(question.id(), answer);
    return null;
  }

  private record Refusal(String message) {
  }

  private static String unanswered(QuestionType type) {
    return switch (type) {
      case SCALE -> "此题必答，请选择一项评价。";
      case SINGLE -> "此题必答，请选择一个选项。";
      case MULTIPLE -> "此题必答，请至少选择一项。";
      case TEXT -> "此题必答，请填写回答。";
    };
  }

  private static Object scale(JsonNode value) {
    if (value.isIntegralNumber()) {
      BigInteger number = value.bigIntegerValue();
      if (number.signum() >= 0 && number.compareTo(SCALE_MAX) <= 0) {
        return number.intValue();
      }
    }
    return new Refusal("请选择“很满意”“满意”“一般”“不满意”“很不满意”或“不清楚”之一（以整数 5～1 或 0 提交）。");
  }

  private static Object single(SurveyQuestion question, JsonNode value) {
    if (!value.isTextual()) {
      return new Refusal("请选择一个选项。");
    }
    String choice = value.textValue();
    if (choice.isBlank()) {
      return null;
    }
    return question.options().contains(choice) ? choice : new Refusal("所选的不是本题的选项，请重新选择。");
  }

  private static Object multiple(SurveyQuestion question, JsonNode value) {
    if (!value.isArray()) {
      return new Refusal("请以列表提交所选的选项。");
    }
    if (value.isEmpty()) {
      return null;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (JsonNode element : value) {
      if (!element.isTextual() || !question.options().contains(element.textValue())) {
        return new Refusal("所选的不是本题的选项，请重新选择。");
      }
      if (!chosen.add(element.textValue())) {
        return new Refusal("同一选项只能选一次。");
      }
    }
    return question.options().stream().filter(chosen::contains).toList();
  }

  private static Object text(JsonNode value) {
    if (!value.isTextual()) {
      return new Refusal("请填写文字回答。");
    }
    String text = value.textValue();
    if (text.isBlank()) {
      return null;
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_TEXT) {
      return new Refusal("回答不能超过 " + MAX_TEXT + " 字（现为 " + length + " 字），请删减后再提交。");
    }
    if (!storable(text)) {
      return new Refusal("回答中含有无法保存的字符（如控制字符），请删除后再提交。");
    }
    return text;
  }

  /** No C0 control characters but tab and line breaks, no DEL, no unpaired surrogates. */
  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** An id the client sent, quoted back only when it looks like one (nothing else is echoed). */
  static String showable(String id) {
    return SHOWABLE_ID.matcher(id).matches() ? id : "（无法显示的题号）";
  }
}
