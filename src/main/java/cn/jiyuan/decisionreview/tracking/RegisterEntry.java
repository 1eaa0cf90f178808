package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.shared.FormValues;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the register row of a tracking holds besides its number (V11): the columns the list filters and sorts on, and
 * {@code detail}, the JSON of the arrays the registry answers with. Built from the tracking's variables only, the same
 * way whether a step writes it through ({@link TrackingState}) or the rebuild reads the engine's history, so that
 * both give the same row.
 */
public record RegisterEntry(String status, String title, String category, String executingUnit,
    LocalDate implementationStart, LocalDate implementationEnd, String nextEvaluationType, LocalDate nextEvaluationDue,
    String nextEvaluationBasis, String lastEvaluationType, LocalDate lastEvaluationCompleted, String lastEvaluationOutcome,
    String detail) {

  /** The variables an entry is built from; the rebuild reads only these. */
  public static final List<String> VARIABLES = List.of(TRACKING_STATUS.name(), DECISION_TITLE.name(),
      DECISION_CATEGORY.name(), EXECUTING_UNIT.name(), IMPLEMENTATION_START.name(), IMPLEMENTATION_END.name(),
      SCHEDULED_EVALUATIONS.name(), EVALUATION_HISTORY.name(), REQUEST_HISTORY.name(),
      LAST_EXECUTION_EVALUATION_DATE.name());

  /** The detail arrays, in the order and under the names of the registry's answer. */
  static final List<String> DETAIL_KEYS = List.of("scheduledEvaluations", "pastEvaluations", "requests",
      "lastExecutionEvaluationDate");

  static final String WAIVED = "WAIVED";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The entry of a tracking whose variables {@code variable} looks up; {@code fallbackStatus} when it has no status
   * variable (trackings from before it existed: running or ended, as the instance is).
   */
  public static RegisterEntry of(Function<String, Object> variable, String fallbackStatus) {
    Map<String, Object> v = new HashMap<>();
    for (String name : VARIABLES) {
      Object value = variable.apply(name);
      if (value != null) {
        v.put(name, value);
      }
    }
    String status = Optional.ofNullable(FormValues.text(v.get(TRACKING_STATUS.name()))).orElse(fallbackStatus);
    boolean ended = TrackingStatus.TERMINATED.name().equals(status) || TrackingStatus.COMPLETED.name().equals(status);
    Optional<ScheduledEvaluation> next = ended ? Optional.empty()
        : EvaluationSchedule.nextPending(Optional.ofNullable(SCHEDULED_EVALUATIONS.from(v)).orElse(List.of()));
    List<EvaluationRecord> history = Optional.ofNullable(EVALUATION_HISTORY.from(v)).orElse(List.of());
    EvaluationRecord last = history.isEmpty() ? null : history.get(history.size() - 1);

    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put(DETAIL_KEYS.get(0), FormValues.objectList(v.get(SCHEDULED_EVALUATIONS.name())));
    detail.put(DETAIL_KEYS.get(1), FormValues.objectList(v.get(EVALUATION_HISTORY.name())));
    detail.put(DETAIL_KEYS.get(2), FormValues.objectList(v.get(REQUEST_HISTORY.name())));
    detail.put(DETAIL_KEYS.get(3), FormValues.text(v.get(LAST_EXECUTION_EVALUATION_DATE.name())));
    return new RegisterEntry(status, cut(FormValues.text(v.get(DECISION_TITLE.name())), 500),
        cut(FormValues.text(v.get(DECISION_CATEGORY.name())), 32), cut(FormValues.text(v.get(EXECUTING_UNIT.name())), 64),
        FormValues.date(v.get(IMPLEMENTATION_START.name())), FormValues.date(v.get(IMPLEMENTATION_END.name())),
        next.map(ScheduledEvaluation::evaluationType).orElse(null), next.map(ScheduledEvaluation::dueDate).orElse(null),
        next.map(ScheduledEvaluation::legalBasis).orElse(null), last == null ? null : cut(last.evaluationType(), 16),
        last == null ? null : last.completedDate(),
        last == null ? null : cut(last.waived() ? WAIVED : last.outcome(), 32), FormValues.toJson(detail));
  }

  /** The detail arrays of a row; empty ones when the row has none yet (written before V11, not yet filled). */
  static Map<String, Object> detail(String json) {
    Map<String, Object> detail = new LinkedHashMap<>();
    Map<String, Object> stored = Map.of();
    if (json != null && !json.isBlank()) {
      try {
        stored = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (Exception e) {
        stored = Map.of(); // a damaged cell reads as empty; the rebuild writes it anew
      }
    }
    for (String key : DETAIL_KEYS) {
      Object value = stored.get(key);
      detail.put(key, value != null || key.equals("lastExecutionEvaluationDate") ? value : List.of());
    }
    return detail;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
