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
   * Several changes of one step, then the register row once: a step that records a result changes history, schedule
   * and status, and each written through would update the same row again.
   */
  public void change(DelegateExecution execution, java.util.function.Consumer<Changes> changes) {
    changes.accept(new Changes(execution));
    written(execution);
  }

  /** The changes {@link #change} collects; each sets the variables as the method of the same name does. */
  public final class Changes {
    private final DelegateExecution execution;

    private Changes(DelegateExecution execution) {
      this.execution = execution;
    }

    public Changes status(TrackingStatus status) {
      TRACKING_STATUS.set(execution, status);
      return this;
    }

    public Changes schedule(List<ScheduledEvaluation> entries) {
      putSchedule(execution, entries);
      return this;
    }

    public Changes history(EvaluationRecord entry) {
      putHistory(execution, entry);
      return this;
    }
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

  /** The schedule, and what the BPMN reads of it: the next evaluation's type and the timer's date. */
  public void saveSchedule(DelegateExecution execution, List<ScheduledEvaluation> entries) {
    putSchedule(execution, entries);
    written(execution);
  }

  /**
   * An empty schedule of a tracking that has none yet is not stored (a missing one is empty to every reader), nor
   * are a next type and date that are not there: the gateway 有待进行的计划评估？ asks whether {@code nextScheduledDue}
   * is set.
   */
  private static void putSchedule(DelegateExecution execution, List<ScheduledEvaluation> entries) {
    if (!entries.isEmpty() || execution.getVariableTyped(SCHEDULED_EVALUATIONS.name()) != null) {
      SCHEDULED_EVALUATIONS.set(execution, entries);
    }
    Optional<ScheduledEvaluation> next = EvaluationSchedule.nextPending(entries);
    NEXT_SCHEDULED_TYPE.setIfChanged(execution, next.map(ScheduledEvaluation::evaluationType).orElse(null));
    NEXT_SCHEDULED_DUE.setIfChanged(execution, next.map(e -> EvaluationSchedule.timerDate(e.dueDate())).orElse(null));
  }

  public void appendHistory(DelegateExecution execution, EvaluationRecord entry) {
    putHistory(execution, entry);
    written(execution);
  }

  /** A missing history is an empty one: registration stores none. */
  private static void putHistory(DelegateExecution execution, EvaluationRecord entry) {
    List<EvaluationRecord> history = new ArrayList<>(Optional.ofNullable(EVALUATION_HISTORY.get(execution)).orElse(List.of()));
    history.add(entry);
    EVALUATION_HISTORY.set(execution, history);
  }

  /** A missing list of requests is an empty one: registration stores none. */
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
