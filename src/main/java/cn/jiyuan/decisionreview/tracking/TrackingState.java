package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The tracking's state as the delegates read and write it: the status, the schedule with the variables the BPMN's
 * gateways and timer read, and the two histories. Each change is written through to the decision's register row
 * (dr_decision, the registry's read model) in the same transaction, so the row never says what the engine does not.
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

  public void status(DelegateExecution execution, TrackingStatus status) {
    TRACKING_STATUS.set(execution, status);
    written(execution);
  }

  /**
   * Writes the register row from the tracking's variables as they are now. The steps below call it after each
   * change; registration calls it once it has set its variables.
   */
  public void written(DelegateExecution execution) {
    decisions.refresh(execution.getProcessInstanceId(), RegisterEntry.of(execution::getVariable,
        TrackingStatus.TRACKING.name()));
  }

  /** As {@link #written(DelegateExecution)}, for a tracking changed from outside (through the RuntimeService). */
  public void written(String processInstanceId, java.util.Map<String, Object> variables) {
    decisions.refresh(processInstanceId, RegisterEntry.of(variables::get, TrackingStatus.TRACKING.name()));
  }

  public List<ScheduledEvaluation> schedule(VariableScope execution) {
    return Optional.ofNullable(SCHEDULED_EVALUATIONS.get(execution)).orElse(List.of());
  }

  /** The schedule, and what the BPMN reads of it: whether one is pending, its type, and the timer's date. */
  public void saveSchedule(DelegateExecution execution, List<ScheduledEvaluation> entries) {
    SCHEDULED_EVALUATIONS.set(execution, entries);
    Optional<ScheduledEvaluation> next = EvaluationSchedule.nextPending(entries);
    HAS_NEXT_SCHEDULED.set(execution, next.isPresent());
    NEXT_SCHEDULED_TYPE.set(execution, next.map(ScheduledEvaluation::evaluationType).orElse(null));
    NEXT_SCHEDULED_DUE.set(execution, next.map(e -> EvaluationSchedule.timerDate(e.dueDate())).orElse(null));
    written(execution);
  }

  public void appendHistory(DelegateExecution execution, EvaluationRecord entry) {
    List<EvaluationRecord> history = new ArrayList<>(Optional.ofNullable(EVALUATION_HISTORY.get(execution)).orElse(List.of()));
    history.add(entry);
    EVALUATION_HISTORY.set(execution, history);
    written(execution);
  }

  public void appendRequest(DelegateExecution execution, RequestRecord entry) {
    List<RequestRecord> requests = new ArrayList<>(Optional.ofNullable(REQUEST_HISTORY.get(execution)).orElse(List.of()));
    requests.add(entry);
    REQUEST_HISTORY.set(execution, requests);
    written(execution);
  }

  /** When the evaluation now recorded started; today if it was never noted (e.g. an instance from before). */
  public LocalDate startedDate(VariableScope execution) {
    return EVALUATION_STARTED_DATE.find(execution).orElse(today());
  }
}
