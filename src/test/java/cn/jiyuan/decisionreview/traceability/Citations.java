package cn.jiyuan.decisionreview.traceability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads article citations out of Chinese text as the models write them: {@code 第十二条第（二）项}, lists
 * ({@code 第二十一条、第二十二条}), ranges ({@code 第三条至第十七条}) and citations of Decree 713
 * ({@code 《重大行政决策程序暂行条例》第三十六条}, {@code 条例第三十七条}), which are keyed {@code 条例第三十六条}. A law named
 * in the text holds until the sentence ends; another law (e.g. the Henan rules) is skipped. {@code 第一条命中的规则}
 * (“the first rule that hits”) and {@code 第一条“网上问卷”记录} (a first row) are not citations.
 */
final class Citations {

  static final String DECREE = "条例";
  private static final String NUMERAL = "[一二三四五六七八九十百]+";
  private static final Pattern TOKEN = Pattern.compile("《[^》]*》|本办法|办法|条例|[。；;\\n]|第(" + NUMERAL + ")条(?:至第("
      + NUMERAL + ")条)?(?!命中|“)");

  private enum Law { MEASURES, DECREE, OTHER }

  private Citations() {}

  static Set<String> in(String text) {
    Set<String> cited = new LinkedHashSet<>();
    if (text == null) {
      return cited;
    }
    Law law = Law.MEASURES;
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group();
      if (token.startsWith("《")) {
        law = lawNamed(token, law);
      } else if (token.equals("条例")) {
        law = Law.DECREE;
      } else if (token.endsWith("办法")) {
        law = Law.MEASURES;
      } else if (m.group(1) == null) {
        law = Law.MEASURES; // a sentence ends
      } else if (law != Law.OTHER) {
        int from = number(m.group(1));
        int to = m.group(2) == null ? from : number(m.group(2));
        for (int n = from; n <= to; n++) {
          cited.add((law == Law.DECREE ? DECREE : "") + "第" + numeral(n) + "条");
        }
      }
    }
    return cited;
  }

  /** The law a book title names; a title that names no law (a report, a form) changes nothing. */
  private static Law lawNamed(String title, Law current) {
    if (title.contains("重大行政决策程序暂行条例")) {
      return Law.DECREE;
    }
    if (title.equals("《办法》") || title.contains("后评估办法")) {
      return Law.MEASURES;
    }
    return title.matches("《.*(规定|条例|办法|法)》") ? Law.OTHER : current;
  }

  /** 三十六 → 36 (up to 99, as far as articles go). */
  static int number(String numeral) {
    int tens = 0;
    int units = 0;
    int ten = numeral.indexOf('十');
    if (ten >= 0) {
      tens = ten == 0 ? 1 : digit(numeral.charAt(ten - 1));
      units = ten == numeral.length() - 1 ? 0 : digit(numeral.charAt(ten + 1));
    } else {
      units = digit(numeral.charAt(0));
    }
    return tens * 10 + units;
  }

  /** 36 → 三十六. */
  static String numeral(int n) {
    String digits = "零一二三四五六七八九";
    int tens = n / 10;
    int units = n % 10;
    String text = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十";
    return text + (units == 0 ? "" : String.valueOf(digits.charAt(units)));
  }

  private static int digit(char c) {
    return "零一二三四五六七八九".indexOf(c);
  }
}
