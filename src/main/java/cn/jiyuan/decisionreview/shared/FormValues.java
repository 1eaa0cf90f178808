package cn.jiyuan.decisionreview.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts what Camunda Forms submit into Java values, in one place: dates arrive as strings
 * ("2026-07-01" or "2026-07-01T00:00:00"), numbers as Integer/Long/Double, lists and groups as Spin Json.
 * Strict, because the server trusts nothing a client sends: a value that is not exactly of its type gives null
 * (or false), never a guess, and the rules turn that into a Chinese refusal.
 */
public final class FormValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The earliest date a form accepts: the founding of the People's Republic. */
  public static final LocalDate MIN_DATE = LocalDate.of(1949, 10, 1);
  /** The latest: far beyond any decision's term, near enough to catch a mistyped year. */
  public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DATE_TEXT = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,18}(\\.\\d{1,18})?");
  private static final long MAX_EXACT_DOUBLE = 1L << 53;

  private FormValues() {}

  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }

  public static boolean isBlank(Object value) {
    return text(value) == null;
  }

  /**
   * True only for {@code Boolean.TRUE} or the text "true". Anything else, "maybe" included, is not true; a rule
   * that must tell "not ticked" from "not a boolean" checks {@link #isBooleanOrBlank} first.
   */
  public static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(bool(value));
  }

  /** A Boolean, or the text "true"/"false"; null when missing or anything else ("maybe", "1", "yes", "TRUE"). */
  public static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (!(value instanceof CharSequence)) {
      return null;
    }
    return switch (value.toString().trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** An optional checkbox: missing, or a real boolean ({@link #bool}). */
  public static boolean isBooleanOrBlank(Object value) {
    return isBlank(value) || bool(value) != null;
  }

  /**
   * A whole number, or null when the value is missing, not a whole number, or too large to be exact. A JSON
   * {@code 1e20} arrives as a Double; cast to long it would be Long.MAX_VALUE (and −1 as an int), so a double
   * counts only up to 2^53, where every whole number is still exact. Text must be plain digits (no exponent).
   */
  public static Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < Long.SIZE ? b.longValue() : null;
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_DOUBLE ? (long) d : null;
    }
    if (value instanceof Boolean) {
      return null;
    }
    String s = text(value);
    return s != null && WHOLE.matcher(s).matches() ? Long.parseLong(s) : null;
  }

  /** A whole number in [min, max], or null (missing, not a whole number, out of range). */
  public static Long wholeNumber(Object value, long min, long max) {
    Long n = wholeNumber(value);
    return n != null && n >= min && n <= max ? n : null;
  }

  /**
   * A finite number, or null. Text must be plain decimal: Double.parseDouble would also take "NaN", "Infinity",
   * "1e400" (infinite), hex floats and a trailing "d".
   */
  public static Double number(Object value) {
    if (value instanceof Boolean) {
      return null;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    String s = text(value);
    return s != null && DECIMAL.matcher(s).matches() ? Double.valueOf(s) : null;
  }

  /**
   * A date from a form field ("2026-07-01", or "2026-07-01T00:00:00" as some date pickers send it) or a LocalDate;
   * null when missing, unparseable or outside {@link #MIN_DATE}..{@link #MAX_DATE}. Parsed strictly
   * (uuuu-MM-dd, ResolverStyle.STRICT): no month 13, no 30 February, no year 0. A java.util.Date is refused:
   * the engine REST API parses Date variables with a lenient SimpleDateFormat, so "2026-13-01" would already
   * have become 2027-01-01 and could not be told from a real date; forms and DESIGN send text.
   */
  public static LocalDate date(Object value) {
    LocalDate date;
    if (value instanceof LocalDate d) {
      date = d;
    } else if (value instanceof CharSequence) {
      String s = text(value);
      Matcher m = s == null ? null : DATE_TEXT.matcher(s);
      if (m == null || !m.matches()) {
        return null;
      }
      try {
        date = LocalDate.parse(m.group(1), DATE);
      } catch (DateTimeParseException e) {
        return null;
      }
    } else {
      return null;
    }
    return date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE) ? null : date;
  }

  /**
   * Whether the text holds characters a person cannot see or that break a single line: C0 and C1 controls
   * (NUL, tab, line breaks, ESC …), format characters (zero-width spaces and joiners, bidirectional overrides,
   * the BOM), line and paragraph separators, unpaired surrogates and noncharacters. Private-use characters are
   * allowed: some offices type rare characters in names through them.
   */
  public static boolean hasControlCharacters(String s) {
    return s != null && s.codePoints().anyMatch(FormValues::isControl);
  }

  private static boolean isControl(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE -> true;
      default -> (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
    };
  }

  /** The enum constant whose name the value is exactly; null when missing or anything else (no trimming of case). */
  public static <E extends Enum<E>> E code(Object value, Class<E> type) {
    String s = text(value);
    if (s == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(s)) {
        return constant;
      }
    }
    return null;
  }

  /** A Json array of objects (dynamic list) as plain maps; an empty list when missing. */
  public static List<Map<String, Object>> objectList(Object value) {
    if (value == null) {
      return List.of();
    }
    try {
      return MAPPER.readValue(json(value), new TypeReference<List<Map<String, Object>>>() {});
    } catch (Exception e) {
      throw new IllegalArgumentException("不是有效的列表数据", e);
    }
  }

  /** A Json object (group) as a plain map; an empty map when missing. */
  public static Map<String, Object> object(Object value) {
    if (value == null) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json(value), new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalArgumentException("不是有效的数据", e);
    }
  }

  /** A Json array of strings (checklist, taglist) as a list; an empty list when missing. */
  public static List<String> stringList(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      c.forEach(o -> out.add(String.valueOf(o)));
      return out;
    }
    try {
      return MAPPER.readValue(json(value), new TypeReference<List<String>>() {});
    } catch (Exception e) {
      throw new IllegalArgumentException("不是有效的列表数据", e);
    }
  }

  private static String json(Object value) throws Exception {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return MAPPER.writeValueAsString(value);
    }
    return value.toString(); // Spin JsonNode prints as JSON
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
