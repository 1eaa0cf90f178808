package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.evaluation.JsonVariables;
import cn.jiyuan.decisionreview.evaluation.ParticipantGrants;
import cn.jiyuan.decisionreview.form.FormValues;
import cn.jiyuan.decisionreview.identity.Groups;
import cn.jiyuan.decisionreview.security.SystemCalls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * What decision tracking does at each step (Art. 18, 19, 20): registration, the schedule and its timer,
 * the reasons an evaluation starts, waivers, and applying an evaluation's result. Delegates call it.
 */
@Service
public class TrackingService {

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final SystemCalls system;
  private final ParticipantGrants grants;
  private final TrackedDecisions decisions;

  public TrackingService(IdentityService identityService, RuntimeService runtimeService,
      ManagementService managementService, SystemCalls system, ParticipantGrants grants, TrackedDecisions decisions) {
    this.grants = grants;
    this.decisions = decisions;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.system = system;
  }

  /** Today in Beijing time, on the engine's clock (which tests move). */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(EvaluationSchedule.CHINA).toLocalDate();
  }

  /**
   * 登记重大行政决策: refuses bad input (no instance is left), claims the number in {@code dr_decision} in this
   * same transaction, sets the business key to the canonical number and the term.
   */
  public void register(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    RegistrationRules.check(execution::getVariable,
        unit -> Groups.isExecutingUnit(unit) && system.run(() -> identityService.createGroupQuery().groupId(unit).count() > 0))
        .throwIfAny();
    DecisionNumber number = DecisionNumber.parse(execution.getVariable(DECISION_NUMBER));
    String title = FormValues.text(execution.getVariable(DECISION_TITLE));
    String category = FormValues.text(execution.getVariable(DECISION_CATEGORY));
    String unit = FormValues.text(execution.getVariable(EXECUTING_UNIT));
    decisions.claim(number, pid, title, category, unit,
        id -> system.run(() -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0));
    LocalDate start = FormValues.date(execution.getVariable(IMPLEMENTATION_START));
    LocalDate end = FormValues.date(execution.getVariable(IMPLEMENTATION_END));
    execution.setProcessBusinessKey(number.value());
    // The executing unit follows its own decision in Tasklist (its progress report, the registry).
    grants.grantGroup(pid, unit);
    execution.setVariable(DECISION_NUMBER, number.value());
    execution.setVariable(DECISION_TITLE, title);
    execution.setVariable(IMPLEMENTATION_START, start.toString());
    execution.setVariable(IMPLEMENTATION_END, end == null ? null : end.toString());
    execution.setVariable(BROAD_IMPACT, FormValues.isTrue(execution.getVariable(BROAD_IMPACT)));
    execution.setVariable(SUPERIOR_MANDATED, FormValues.isTrue(execution.getVariable(SUPERIOR_MANDATED)));
    execution.setVariable(ASSISTING_SUPERIOR, FormValues.isTrue(execution.getVariable(ASSISTING_SUPERIOR)));
    execution.setVariable(TERM_MONTHS, Variables.integerValue(EvaluationSchedule.termMonths(start, end)));
    execution.setVariable(TRACKING_STATUS, "TRACKING");
    execution.setVariable(SCHEDULE_REVISED, false);
    execution.setVariable(EVALUATION_HISTORY, JsonVariables.json(List.of()));
    execution.setVariable(REQUEST_HISTORY, JsonVariables.json(List.of()));
  }

  /** The tracking status, in the variable and in {@code dr_decision}, in the same transaction. */
  private void status(DelegateExecution execution, String status) {
    execution.setVariable(TRACKING_STATUS, status);
    decisions.updateStatus(execution.getProcessInstanceId(), status);
  }

  /** After the evaluationSchedule table (Art. 19): the schedule, and the first timer. */
  @SuppressWarnings("unchecked")
  public void applySchedule(DelegateExecution execution) {
    List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(SCHEDULE_ROWS);
    LocalDate start = FormValues.date(execution.getVariable(IMPLEMENTATION_START));
    List<Map<String, Object>> entries = EvaluationSchedule.entries(start, rows == null ? List.of() : rows);
    execution.setVariable(HAS_MID_TERM, entries.stream().anyMatch(e -> "MID_TERM".equals(e.get("evaluationType"))));
    execution.removeVariable(SCHEDULE_ROWS);
    saveSchedule(execution, entries);
  }

  private List<Map<String, Object>> schedule(DelegateExecution execution) {
    return new ArrayList<>(FormValues.objectList(execution.getVariable(SCHEDULED_EVALUATIONS)));
  }

  private void saveSchedule(DelegateExecution execution, List<Map<String, Object>> entries) {
    execution.setVariable(SCHEDULED_EVALUATIONS, JsonVariables.json(entries));
    Optional<Map<String, Object>> next = EvaluationSchedule.nextPending(entries);
    execution.setVariable(HAS_NEXT_SCHEDULED, next.isPresent());
    execution.setVariable(NEXT_SCHEDULED_TYPE, next.map(e -> (String) e.get("evaluationType")).orElse(null));
    execution.setVariable(NEXT_SCHEDULED_DUE, next.map(e -> EvaluationSchedule.timerInstant(LocalDate.parse((String) e.get("dueDate"))))
        .orElse(null));
  }

  /** The scheduled evaluation's timer fired (Art. 19). */
  public void scheduledEvaluationDue(DelegateExecution execution) {
    String type = FormValues.text(execution.getVariable(NEXT_SCHEDULED_TYPE));
    execution.setVariable(EVALUATION_TYPE, type);
    execution.setVariable(LEGAL_BASIS, EvaluationSchedule.legalBasis(type));
    execution.setVariable(URGENT, false);
    execution.setVariable(REQUEST_REASON, null);
    execution.setVariable(NEW_CIRCUMSTANCES, false);
  }

  /** An accepted request arrived while tracking waited (Art. 8, 18). */
  public void evaluationRequested(DelegateExecution execution) {
    String reason = FormValues.text(execution.getVariable(REQUEST_REASON));
    execution.setVariable(EVALUATION_TYPE, "EXECUTION_RISK".equals(reason) ? "RISK" : "TRIGGERED");
    execution.setVariable(URGENT, FormValues.isTrue(execution.getVariable(URGENT)));
    // A changed legal basis or a dispute is by itself a new circumstance in the sense of Art. 20 ¶1.
    execution.setVariable(NEW_CIRCUMSTANCES, "LEGAL_BASIS_CHANGED".equals(reason) || "EXECUTION_RISK".equals(reason));
    Map<String, Object> request = new LinkedHashMap<>();
    for (String name : List.of(REQUEST_REASON, LEGAL_BASIS, URGENT, REQUEST_DESCRIPTION, REQUESTED_BY)) {
      request.put(name, execution.getVariable(name));
    }
    appendRequest(execution, request, "STARTED");
  }

  /** Inputs of evaluationExemption (Art. 20). */
  public void prepareExemption(DelegateExecution execution) {
    LocalDate last = FormValues.date(execution.getVariable(LAST_EXECUTION_EVALUATION_DATE));
    execution.setVariable(MONTHS_SINCE_LAST_EXECUTION_EVALUATION,
        Variables.integerValue(last == null ? null : EvaluationSchedule.monthsBetween(last, today())));
    execution.setVariable(SUPERIOR_ORGANIZES, FormValues.isTrue(execution.getVariable(SUPERIOR_MANDATED)));
  }

  /** 登记免评: the waiver confirmed by legal-affairs is recorded; a scheduled evaluation counts as settled. */
  public void recordWaiver(DelegateExecution execution) {
    String type = FormValues.text(execution.getVariable(EVALUATION_TYPE));
    Map<String, Object> entry = historyEntry(execution);
    entry.put("waived", true);
    entry.put("waiverBasis", FormValues.text(execution.getVariable(WAIVER_BASIS)));
    entry.put("waiverReason", FormValues.text(execution.getVariable(WAIVER_REASON)));
    entry.put("completedDate", today().toString());
    appendHistory(execution, entry);
    List<Map<String, Object>> entries = schedule(execution);
    EvaluationSchedule.settle(entries, type, EvaluationSchedule.WAIVED);
    saveSchedule(execution, entries);
    status(execution, "TRACKING");
  }

  /** Before the call to post-evaluation: status, start date, and a started mid-term ends the progress report. */
  public void evaluationStarting(DelegateExecution execution) {
    status(execution, "EVALUATING");
    execution.setVariable(EVALUATION_STARTED_DATE, today().toString());
    // A scheduled evaluation under way is no longer "next" in the registry.
    List<Map<String, Object>> entries = schedule(execution);
    if (EvaluationSchedule.settle(entries, FormValues.text(execution.getVariable(EVALUATION_TYPE)), EvaluationSchedule.IN_PROGRESS)) {
      saveSchedule(execution, entries);
    }
  }

  /** 登记评估结果: history, last execution evaluation (Art. 20), the schedule, and the status the outcome means. */
  public void recordResult(DelegateExecution execution) {
    String type = FormValues.text(execution.getVariable(EVALUATION_TYPE));
    String outcome = FormValues.text(execution.getVariable(EVALUATION_OUTCOME));
    String completed = Optional.ofNullable(FormValues.text(execution.getVariable(EVALUATION_COMPLETED_DATE)))
        .orElse(today().toString());
    Map<String, Object> entry = historyEntry(execution);
    entry.put("completedDate", completed);
    entry.put("grade", FormValues.text(execution.getVariable(EVALUATION_GRADE)));
    entry.put("outcome", outcome);
    entry.put("waived", false);
    appendHistory(execution, entry);
    if ("EXECUTION".equals(type) || "TRIGGERED".equals(type)) {
      execution.setVariable(LAST_EXECUTION_EVALUATION_DATE, completed);
    }
    List<Map<String, Object>> entries = schedule(execution);
    EvaluationSchedule.settle(entries, type, EvaluationSchedule.DONE);
    saveSchedule(execution, entries);
    status(execution, switch (outcome == null ? "" : outcome) {
      case "SUSPEND" -> "SUSPENDED";
      case "TERMINATE" -> "TERMINATED";
      default -> "FINAL".equals(type) ? "COMPLETED" : "TRACKING";
    });
  }

  /** 恢复执行: the authority lifted the suspension (Art. 16). */
  public void resumed(DelegateExecution execution) {
    status(execution, "TRACKING");
  }

  /**
   * A request that arrives while an evaluation runs is recorded against it, not started twice; an Art. 18
   * risk marks the running evaluation for the authority's attention.
   */
  public void requestMerged(DelegateExecution execution) {
    Map<String, Object> request = FormValues.object(execution.getVariable(MERGED_REQUEST));
    String reason = FormValues.text(request.get(REQUEST_REASON));
    appendRequest(execution, request, "MERGED");
    if ("EXECUTION_RISK".equals(reason)) {
      for (ProcessInstance sub : runtimeService.createProcessInstanceQuery()
          .superProcessInstanceId(execution.getProcessInstanceId()).list()) {
        runtimeService.setVariable(sub.getId(), "authorityAttention", true);
        runtimeService.setVariable(sub.getId(), "authorityAttentionText",
            // plain text: the form shows values as text, and the description is what someone typed
            "评估期间执行单位报告了较大争议、风险或重大分歧（第十八条）："
                + Optional.ofNullable(FormValues.text(request.get(REQUEST_DESCRIPTION))).orElse("（未说明）"));
      }
    }
  }

  /**
   * 进度过半 (Art. 19 ¶2): the mid-term evaluation moves to today. The BPMN's 评估安排已调整 event then enters the
   * wait again, so the timer takes the new date from {@code nextScheduledDue}.
   */
  public void halfProgressReported(DelegateExecution execution) {
    List<Map<String, Object>> entries = schedule(execution);
    if (!EvaluationSchedule.bringMidTermForward(entries, today())) {
      return;
    }
    saveSchedule(execution, entries);
    execution.setVariable(SCHEDULE_REVISED, true);
  }

  private Map<String, Object> historyEntry(DelegateExecution execution) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("evaluationType", FormValues.text(execution.getVariable(EVALUATION_TYPE)));
    entry.put("legalBasis", FormValues.text(execution.getVariable(LEGAL_BASIS)));
    entry.put("startedDate", Optional.ofNullable(FormValues.text(execution.getVariable(EVALUATION_STARTED_DATE)))
        .orElse(today().toString()));
    return entry;
  }

  private void appendHistory(DelegateExecution execution, Map<String, Object> entry) {
    List<Map<String, Object>> history = new ArrayList<>(FormValues.objectList(execution.getVariable(EVALUATION_HISTORY)));
    history.add(entry);
    execution.setVariable(EVALUATION_HISTORY, JsonVariables.json(history));
  }

  private void appendRequest(DelegateExecution execution, Map<String, Object> request, String handling) {
    List<Map<String, Object>> requests = new ArrayList<>(FormValues.objectList(execution.getVariable(REQUEST_HISTORY)));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("requestReason", FormValues.text(request.get(REQUEST_REASON)));
    entry.put("legalBasis", FormValues.text(request.get(LEGAL_BASIS)));
    entry.put("urgent", FormValues.isTrue(request.get(URGENT)));
    entry.put("description", FormValues.text(request.get(REQUEST_DESCRIPTION)));
    entry.put("requestedBy", FormValues.text(request.get(REQUESTED_BY)));
    entry.put("date", today().toString());
    entry.put("handling", handling);
    requests.add(entry);
    execution.setVariable(REQUEST_HISTORY, JsonVariables.json(requests));
  }
}
