package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The tracking's state as the delegates read and write it: the status (variable and dr_decision row in the same
 * transaction), the schedule with the variables the BPMN's gateways and timer read, and the two histories.
 */
@Component
public class TrackingState {

  private final TrackedDecisions decisions;
  private final BeijingClock clock;

  public TrackingState(TrackedDecisions decisions, BeijingClock clock) {
    this.decisions = decisions;
    this.clock = clock;
  }

  /** Today in Beijing, on the engine's clock (which tests move): every date tracking compares comes from here. */
  public LocalDate today() {
    return clock.today();
  }

  public void status(VariableScope execution, String processInstanceId, TrackingStatus status) {
    TRACKING_STATUS.set(execution, status);
    decisions.updateStatus(processInstanceId, status.name());
  }

  public List<ScheduledEvaluation> schedule(VariableScope execution) {
    return Optional.ofNullable(SCHEDULED_EVALUATIONS.get(execution)).orElse(List.of());
  }

  /** The schedule, and what the BPMN reads of it: whether one is pending, its type, and the timer's date. */
  public void saveSchedule(VariableScope execution, List<ScheduledEvaluation> entries) {
    SCHEDULED_EVALUATIONS.set(execution, entries);
    Optional<ScheduledEvaluation> next = EvaluationSchedule.nextPending(entries);
    HAS_NEXT_SCHEDULED.set(execution, next.isPresent());
    NEXT_SCHEDULED_TYPE.set(execution, next.map(ScheduledEvaluation::evaluationType).orElse(null));
    NEXT_SCHEDULED_DUE.set(execution, next.map(e -> EvaluationSchedule.timerDate(e.dueDate())).orElse(null));
  }

  public void appendHistory(VariableScope execution, EvaluationRecord entry) {
    List<EvaluationRecord> history = new ArrayList<>(Optional.ofNullable(EVALUATION_HISTORY.get(execution)).orElse(List.of()));
    history.add(entry);
    EVALUATION_HISTORY.set(execution, history);
  }

  public void appendRequest(VariableScope execution, RequestRecord entry) {
    List<RequestRecord> requests = new ArrayList<>(Optional.ofNullable(REQUEST_HISTORY.get(execution)).orElse(List.of()));
    requests.add(entry);
    REQUEST_HISTORY.set(execution, requests);
  }

  /** When the evaluation now recorded started; today if it was never noted (e.g. an instance from before). */
  public LocalDate startedDate(VariableScope execution) {
    return EVALUATION_STARTED_DATE.find(execution).orElse(today());
  }
}
