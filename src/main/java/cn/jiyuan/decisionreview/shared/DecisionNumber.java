package cn.jiyuan.decisionreview.shared;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision's document number (文号) in its one canonical spelling, e.g. {@code 济政〔2025〕7号}. Every place a
 * number comes in (registration, requests, the registry, the agency register) goes through here, so that
 * {@code 济政[2025]7号}, {@code 济政 〔2025〕 7号}, {@code 济政【2025】7号} and {@code 济政〔２０２５〕７号} are one number.
 *
 * <p>Normalising (see {@link #normalise}):
 * <ul>
 *   <li>Unicode NFKC first: full-width digits and letters become ASCII (GB/T 9704-2012 §7.2.4 writes the year and
 *       serial in Arabic numerals), ［］（）﹝﹞ become their ASCII/standard forms, and look-alike compatibility
 *       ideographs and Kangxi radicals become the ordinary ideograph, so they cannot make a second "different"
 *       number;</li>
 *   <li>every space goes (ASCII, full-width U+3000, no-break): a document number has none;</li>
 *   <li>the year brackets [] 【】 () 〖〗 become the hexagonal 〔〕 the standard prescribes;</li>
 *   <li>in the standard shape {@code 代字〔年份〕序号号}, a padded serial or a "第" goes (the standard says 序号不编虚位、
 *       不加"第"字), so {@code 济政〔2025〕第07号} is {@code 济政〔2025〕7号}.</li>
 * </ul>
 * Validation ({@link #parse}) then asks for real content: no control or invisible characters, at most
 * {@value #MAX_LENGTH} characters, only ideographs, letters, digits, hyphens and 〔〕, the issuing organ's code
 * first, brackets only around a four-digit year, and a serial number.
 */
public final class DecisionNumber {

  public static final int MAX_LENGTH = 100;

  /** Shown in messages, and the form's own example. */
  public static final String EXAMPLE = "济政〔2026〕3号";

  private static final String OPENING = "[【(〖〔";
  private static final String CLOSING = "]】)〗〕";
  private static final Pattern STANDARD = Pattern.compile("(.+〔\\d{4}〕)第?0*(\\d+号)");
  /** Brackets only around a four-digit year, at most once. */
  private static final Pattern BRACKETS = Pattern.compile("[^〔〕]*(〔\\d{4}〕[^〔〕]*)?");

  private final String value;

  private DecisionNumber(String value) {
    this.value = value;
  }

  /**
   * A number typed by a person or sent by a client: normalised and checked.
   *
   * @throws Invalid with a Chinese message that never repeats the raw input (it may hold control characters)
   */
  public static DecisionNumber parse(Object raw) {
    String s = raw == null ? null : raw.toString();
    if (s == null || s.isBlank()) {
      throw new Invalid("请填写决策文号（如 " + EXAMPLE + "）");
    }
    if (FormValues.hasControlCharacters(s)) {
      throw new Invalid("决策文号不能包含控制字符或不可见字符");
    }
    String n = normalise(s);
    if (n == null) {
      throw new Invalid("请填写决策文号（如 " + EXAMPLE + "）");
    }
    if (n.length() > MAX_LENGTH) {
      throw new Invalid("决策文号不能超过 " + MAX_LENGTH + " 字");
    }
    for (int i = 0; i < n.length(); ) {
      int c = n.codePointAt(i);
      if (!allowed(c)) {
        throw new Invalid("决策文号只能由汉字、字母、数字、连字符和六角括号〔〕组成，不能含有“"
            + new String(Character.toChars(c)) + "”");
      }
      i += Character.charCount(c);
    }
    if (!BRACKETS.matcher(n).matches()) {
      throw new Invalid("决策文号中的括号只用于四位数字的年份，如 " + EXAMPLE);
    }
    int first = n.codePointAt(0);
    if (!(isHan(first) || isAsciiLetter(first))) {
      throw new Invalid("决策文号应以发文机关代字开头，如 " + EXAMPLE);
    }
    int close = n.indexOf('〕');
    if (!containsDigit(close < 0 ? n : n.substring(close + 1))) {
      throw new Invalid("决策文号应包含发文序号，如 " + EXAMPLE);
    }
    return new DecisionNumber(n);
  }

  /** {@link #parse}, or empty when the input is not a valid number. */
  public static Optional<DecisionNumber> tryParse(Object raw) {
    try {
      return Optional.of(parse(raw));
    } catch (Invalid e) {
      return Optional.empty();
    }
  }

  /**
   * The canonical spelling without judging the content; null when nothing is left. For looking up numbers
   * that may have been stored before the rules of {@link #parse} existed.
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return;
      }
      if (OPENING.indexOf(c) >= 0) {
        out.append('〔');
      } else if (CLOSING.indexOf(c) >= 0) {
        out.append('〕');
      } else {
        out.appendCodePoint(c);
      }
    });
    if (out.isEmpty()) {
      return null;
    }
    Matcher standard = STANDARD.matcher(out);
    return standard.matches() ? standard.group(1) + standard.group(2) : out.toString();
  }

  public String value() {
    return value;
  }

  private static boolean allowed(int c) {
    return isHan(c) || isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '〔' || c == '〕';
  }

  private static boolean isHan(int c) {
    return Character.isIdeographic(c);
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean containsDigit(String s) {
    return s.chars().anyMatch(c -> c >= '0' && c <= '9');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionNumber other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }

  /** The input is not a valid decision number; the message is Chinese and safe to show. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }
}
