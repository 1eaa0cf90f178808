package cn.jiyuan.decisionreview.tracking;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Art. 19 dates, without an engine: the term in whole months, each scheduled evaluation's due date
 * (implementationStart plus dueMonths calendar months, Civil Code Art. 202), the next one pending, and the
 * timer instant at 00:00 Asia/Shanghai.
 */
public final class EvaluationSchedule {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  public static final String PENDING = "PENDING";
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String DONE = "DONE";
  public static final String WAIVED = "WAIVED";

  static final Map<String, String> LEGAL_BASIS = Map.of(
      "EXECUTION", "第十九条第一款", "MID_TERM", "第十九条第二款", "FINAL", "第十九条第三款");

  private EvaluationSchedule() {}

  /** Whole months from the start to the day after the end; null when open-ended. */
  public static Integer termMonths(LocalDate start, LocalDate end) {
    if (end == null) {
      return null;
    }
    return (int) Period.between(start, end.plusDays(1)).toTotalMonths();
  }

  public static LocalDate dueDate(LocalDate start, int dueMonths) {
    return start.plusMonths(dueMonths);
  }

  public static Date timerInstant(LocalDate due) {
    return Date.from(due.atStartOfDay(CHINA).toInstant());
  }

  public static String legalBasis(String evaluationType) {
    return LEGAL_BASIS.getOrDefault(evaluationType, "第十九条");
  }

  /** The scheduled evaluations from the DMN rows, earliest first, all pending. */
  public static List<Map<String, Object>> entries(LocalDate start, List<Map<String, Object>> rows) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String type = String.valueOf(row.get("evaluationType"));
      int months = ((Number) row.get("dueMonths")).intValue();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("evaluationType", type);
      entry.put("dueMonths", months);
      entry.put("dueDate", dueDate(start, months).toString());
      entry.put("legalBasis", legalBasis(type));
      entry.put("status", PENDING);
      entries.add(entry);
    }
    entries.sort(Comparator.comparing(e -> (String) e.get("dueDate")));
    return entries;
  }

  public static Optional<Map<String, Object>> nextPending(List<Map<String, Object>> entries) {
    return entries.stream().filter(e -> PENDING.equals(e.get("status")))
        .min(Comparator.comparing(e -> (String) e.get("dueDate")));
  }

  /** Moves the first open (pending or in-progress) entry of a type to a new status; returns whether one was found. */
  public static boolean settle(List<Map<String, Object>> entries, String evaluationType, String status) {
    for (Map<String, Object> e : entries) {
      if (evaluationType.equals(e.get("evaluationType"))
          && (PENDING.equals(e.get("status")) || IN_PROGRESS.equals(e.get("status")))) {
        e.put("status", status);
        return true;
      }
    }
    return false;
  }

  /** Moves a pending mid-term evaluation to today when execution has passed half (Art. 19 ¶2 "进度过半"). */
  public static boolean bringMidTermForward(List<Map<String, Object>> entries, LocalDate today) {
    for (Map<String, Object> e : entries) {
      if ("MID_TERM".equals(e.get("evaluationType")) && PENDING.equals(e.get("status"))) {
        if (LocalDate.parse((String) e.get("dueDate")).isAfter(today)) {
          e.put("dueDate", today.toString());
          e.put("broughtForward", true);
        }
        return true;
      }
    }
    return false;
  }

  /** Whole months between two dates (for Art. 20's "within 12 months"). */
  public static int monthsBetween(LocalDate from, LocalDate to) {
    return (int) Period.between(from, to).toTotalMonths();
  }
}
