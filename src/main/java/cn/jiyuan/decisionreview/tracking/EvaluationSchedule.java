package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.tracking.ScheduledEvaluation.Status;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Art. 19 dates, without an engine: the term in whole months, each scheduled evaluation's due date
 * (implementationStart plus dueMonths calendar months, Civil Code Art. 202), the next one pending, and the
 * timer instant at 00:00 Beijing time. Lists are never changed in place: each step returns the new schedule.
 */
public final class EvaluationSchedule {

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

  /** The timer's date as the BPMN timer reads it: 00:00 Beijing time on the due day, ISO 8601 with the offset. */
  public static String timerDate(LocalDate due) {
    return due.atStartOfDay(BeijingClock.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public static String legalBasis(String evaluationType) {
    return LEGAL_BASIS.getOrDefault(evaluationType, "第十九条");
  }

  /** The scheduled evaluations from the DMN rows (evaluationType, dueMonths), earliest first, all pending. */
  public static List<ScheduledEvaluation> entries(LocalDate start, List<Map<String, Object>> rows) {
    List<ScheduledEvaluation> entries = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String type = String.valueOf(row.get("evaluationType"));
      int months = ((Number) row.get("dueMonths")).intValue();
      entries.add(new ScheduledEvaluation(type, months, dueDate(start, months), legalBasis(type), Status.PENDING, null));
    }
    entries.sort(Comparator.comparing(ScheduledEvaluation::dueDate));
    return List.copyOf(entries);
  }

  public static Optional<ScheduledEvaluation> nextPending(List<ScheduledEvaluation> entries) {
    return entries.stream().filter(e -> e.status() == Status.PENDING).min(Comparator.comparing(ScheduledEvaluation::dueDate));
  }

  public static boolean hasMidTerm(List<ScheduledEvaluation> entries) {
    return entries.stream().anyMatch(e -> "MID_TERM".equals(e.evaluationType()));
  }

  /** The first open (pending or in-progress) entry of a type moved to a new status; unchanged when there is none. */
  public static List<ScheduledEvaluation> settle(List<ScheduledEvaluation> entries, String evaluationType, Status status) {
    List<ScheduledEvaluation> result = new ArrayList<>(entries);
    for (int i = 0; i < result.size(); i++) {
      ScheduledEvaluation e = result.get(i);
      if (e.evaluationType().equals(evaluationType) && e.status().open()) {
        result.set(i, e.withStatus(status));
        break;
      }
    }
    return List.copyOf(result);
  }

  /**
   * A pending mid-term evaluation moved to today when execution has passed half (Art. 19 ¶2 "进度过半"); unchanged
   * when there is none or it is due already.
   */
  public static List<ScheduledEvaluation> bringMidTermForward(List<ScheduledEvaluation> entries, LocalDate today) {
    List<ScheduledEvaluation> result = new ArrayList<>(entries);
    for (int i = 0; i < result.size(); i++) {
      ScheduledEvaluation e = result.get(i);
      if ("MID_TERM".equals(e.evaluationType()) && e.status() == Status.PENDING) {
        if (e.dueDate().isAfter(today)) {
          result.set(i, e.broughtForwardTo(today));
        }
        break;
      }
    }
    return List.copyOf(result);
  }

  /** Whole months between two dates (for Art. 20's "within 12 months"); both are Beijing dates from one clock. */
  public static int monthsBetween(LocalDate from, LocalDate to) {
    return (int) Period.between(from, to).toTotalMonths();
  }
}
