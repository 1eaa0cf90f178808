package cn.jiyuan.decisionreview.form;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Converts what Camunda Forms submit into Java values, in one place: dates arrive as strings
 * ("2026-07-01" or "2026-07-01T00:00:00"), numbers as Integer/Long/Double, lists and groups as Spin Json.
 */
public final class FormValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

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

  public static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : "true".equalsIgnoreCase(text(value));
  }

  /** A whole number, or null when the value is missing or not a whole number. */
  public static Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
    }
    String s = text(value);
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    String s = text(value);
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A date from a form field, a java.util.Date or a LocalDate; null when missing or unparseable. */
  public static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }
    String s = text(value);
    if (s == null) {
      return null;
    }
    if (s.length() > 10 && s.charAt(10) == 'T') {
      s = s.substring(0, 10);
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
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
