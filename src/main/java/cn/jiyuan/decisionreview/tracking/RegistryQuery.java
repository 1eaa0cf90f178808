package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code GET /api/decisions}, checked: {@code page} (from 0), {@code size} (1–500, default 50),
 * filters {@code unit}, {@code status} and {@code category} (each one code or several separated by commas), {@code q}
 * (a part of the number or the title) and {@code sort} (keys of {@link #SORT_KEYS}, a leading {@code -} for
 * descending, several separated by commas). Anything else a caller sends is ignored; a bad value is refused with
 * a Chinese message ({@link IllegalArgumentException}, answered 400).
 */
public record RegistryQuery(int page, int size, List<String> units, List<String> statuses, List<String> categories,
    String q, List<String> sort) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;
  public static final int MAX_PAGE = 1_000_000;
  static final int MAX_Q = 100;
  static final String DEFAULT_SORT = "-registeredAt";

  /** The sort keys and their columns; every order ends with the number, so that pages never overlap. */
  public static final Map<String, String> SORT_KEYS = orderedKeys(
      "decisionNumber", "decision_number",
      "title", "title",
      "status", "status",
      "category", "category",
      "executingUnit", "executing_unit",
      "registeredAt", "registered_at",
      "implementationStart", "implementation_start",
      "nextEvaluationDate", "next_evaluation_due",
      "lastEvaluationDate", "last_evaluation_completed");

  /** The parameters as the servlet has them (each name with its values). */
  public static RegistryQuery parse(Map<String, String[]> parameters) {
    int page = number(parameters, "page", 0, 0, MAX_PAGE, "页码 page 须为 0 到 " + MAX_PAGE + " 之间的整数（从 0 开始）。");
    int size = number(parameters, "size", DEFAULT_SIZE, 1, MAX_SIZE, "每页条数 size 须为 1 到 " + MAX_SIZE + " 之间的整数。");
    List<String> units = codes(parameters, "unit", null, "执行单位 unit");
    List<String> statuses = codes(parameters, "status", TrackingCodes.STATUSES, "跟踪状态 status");
    List<String> categories = codes(parameters, "category", TrackingCodes.CATEGORIES, "决策类别 category");
    String q = single(parameters, "q");
    if (q != null) {
      q = q.strip();
      if (q.length() > MAX_Q || FormValues.hasControlCharacters(q)) {
        throw new IllegalArgumentException("检索词 q 不能超过 " + MAX_Q + " 个字符，且不能含控制字符或不可见字符。");
      }
      if (q.isEmpty()) {
        q = null;
      }
    }
    String sortText = single(parameters, "sort");
    List<String> sort = new ArrayList<>();
    for (String key : (sortText == null || sortText.isBlank() ? DEFAULT_SORT : sortText).split(",", -1)) {
      String k = key.strip();
      String name = k.startsWith("-") || k.startsWith("+") ? k.substring(1) : k;
      if (!SORT_KEYS.containsKey(name) || sort.stream().anyMatch(s -> s.replace("-", "").equals(name))) {
        throw new IllegalArgumentException("排序 sort 只能是 " + String.join("、", SORT_KEYS.keySet())
            + " 中的一项或几项（以逗号分隔，不重复），前加“-”为降序；收到“" + shown(k) + "”。");
      }
      sort.add(k.startsWith("-") ? "-" + name : name);
    }
    if (sort.size() > 3) {
      throw new IllegalArgumentException("排序 sort 最多三项。");
    }
    return new RegistryQuery(page, size, units, statuses, categories, q, List.copyOf(sort));
  }

  public long offset() {
    return (long) page * size;
  }

  /** The parameters that select and order (not the page), as they go into the Link header's URLs. */
  public Map<String, String> selection() {
    Map<String, String> p = new LinkedHashMap<>();
    if (!units.isEmpty()) {
      p.put("unit", String.join(",", units));
    }
    if (!statuses.isEmpty()) {
      p.put("status", String.join(",", statuses));
    }
    if (!categories.isEmpty()) {
      p.put("category", String.join(",", categories));
    }
    if (q != null) {
      p.put("q", q);
    }
    p.put("sort", String.join(",", sort));
    return p;
  }

  private static String single(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    if (values == null || values.length == 0) {
      return null;
    }
    if (values.length > 1) {
      throw new IllegalArgumentException("参数 " + name + " 只能出现一次；多个取值请以逗号分隔。");
    }
    return values[0];
  }

  private static int number(Map<String, String[]> parameters, String name, int fallback, int min, int max,
      String message) {
    String text = single(parameters, name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    if (!text.strip().matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(message);
    }
    int value = Integer.parseInt(text.strip());
    if (value < min || value > max) {
      throw new IllegalArgumentException(message);
    }
    return value;
  }

  private static List<String> codes(Map<String, String[]> parameters, String name, Map<String, String> known,
      String label) {
    String text = single(parameters, name);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String code = part.strip();
      boolean valid = known == null ? code.matches("[A-Za-z0-9_-]{1,64}") : known.containsKey(code);
      if (!valid) {
        throw new IllegalArgumentException(label + " 的取值“" + shown(code) + "”无效"
            + (known == null ? "：应为执行单位的组编号，如 exec-fgw。" : "，可选：" + String.join("、", known.keySet()) + "。"));
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    if (codes.size() > 20) {
      throw new IllegalArgumentException(label + " 最多 20 个取值。");
    }
    return List.copyOf(codes);
  }

  /** A refused value as the message quotes it: short, without characters that break the line. */
  private static String shown(String value) {
    String s = value.codePoints().filter(c -> !FormValues.hasControlCharacters(Character.toString(c)))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static Map<String, String> orderedKeys(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
