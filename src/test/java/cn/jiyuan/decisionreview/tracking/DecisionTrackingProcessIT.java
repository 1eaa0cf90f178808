package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.RequestVariables.*;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code decision-tracking} and {@code evaluation-request}: registration and its refusals, the timers of
 * each category, a fired timer starting post-evaluation, half progress, requests accepted / refused /
 * merged, waivers, suspension, termination; flow-node coverage of both processes at least 90 %.
 */
@IntegrationTest
// Timers are fired by the test itself (Jobs.run), not by the job executor racing it.
@TestPropertySource(properties = {"decision-review.demo.evaluations=false", "camunda.bpm.job-execution.enabled=false"})
@Import({ProcessEngineCoverageConfiguration.class, DecisionTrackingProcessIT.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DecisionTrackingProcessIT {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary // the coverage configuration also defines a default; with two, the listener silently falls back to it
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys("it-unit-task", "agency-registration", "post-evaluation")
          .build();
    }
  }

  @Autowired ProcessEngine engine;

  static String number() {
    return DecisionNumbers.unique();
  }

  ProcessInstance register(String number, String category, boolean broad, String start, String end) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(DECISION_NUMBER.name(), number);
    v.put(DECISION_TITLE.name(), "测试决策");
    v.put(DECISION_CATEGORY.name(), category);
    v.put(BROAD_IMPACT.name(), broad);
    v.put(IMPLEMENTATION_START.name(), start);
    v.put(IMPLEMENTATION_END.name(), end);
    v.put(EXECUTING_UNIT.name(), "exec-fgw");
    v.put(SUPERIOR_MANDATED.name(), false);
    return submitStart("decision-tracking", v);
  }

  /** As Tasklist's start form does. */
  ProcessInstance submitStart(String key, Map<String, Object> vars) {
    String id = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
    return engine.getFormService().submitStartForm(id, vars);
  }

  /** Runs what the job executor would run after a person's step or a timer (this context's executor is off). */
  void drain(ProcessInstance instance) {
    Jobs.drain(engine, instance.getId());
  }

  Job timer(ProcessInstance tracking) {
    return engine.getManagementService().createJobQuery().processInstanceId(tracking.getId()).timers().singleResult();
  }

  static Date beijingMidnight(String date) {
    return Date.from(LocalDate.parse(date).atStartOfDay(BeijingClock.ZONE).toInstant());
  }

  ProcessInstance evaluationOf(ProcessInstance tracking) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).singleResult();
  }

  Object var(ProcessInstance pi, ProcessVariable<?> variable) {
    return engine.getRuntimeService().getVariable(pi.getId(), variable.name());
  }

  ProcessInstance request(String user, String number, String reason, Integer opinions) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(DECISION_NUMBER.name(), number);
    v.put(REQUEST_REASON.name(), reason);
    v.put(REQUEST_DESCRIPTION.name(), "测试申请");
    if (opinions != null) {
      v.put(PUBLIC_OPINION_COUNT.name(), opinions);
    }
    engine.getIdentityService().setAuthentication(user, engine.getIdentityService().createGroupQuery().groupMember(user)
        .list().stream().map(g -> g.getId()).toList());
    try {
      return submitStart("evaluation-request", v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void registrationSetsTheBusinessKeyAndRefusesBadInputLeavingNothingBehind() {
    String number = number();
    ProcessInstance tracking = register(number, "REFORM", false, "2026-07-01", null);
    assertThat(tracking.getBusinessKey()).isEqualTo(number);
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("decision-tracking").count();
    assertThatThrownBy(() -> register(number, "REFORM", false, "2026-07-01", null)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("已在跟踪中");
    assertThatThrownBy(() -> register(number(), "POLICY", false, "2026-07-01", "2026-06-30")).hasMessageContaining("不能早于开始日期");
    assertThatThrownBy(() -> register(number(), "SPACE_PROGRAM", false, "2026-07-01", null)).hasMessageContaining("决策类别");
    Map<String, Object> v = new LinkedHashMap<>(Map.of(DECISION_NUMBER.name(), number(), DECISION_TITLE.name(), "x",
        DECISION_CATEGORY.name(), "PLAN", IMPLEMENTATION_START.name(), "2026-01-01", EXECUTING_UNIT.name(), "exec-nowhere"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("decision-tracking", v)).hasMessageContaining("执行单位");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("decision-tracking").count()).isEqualTo(before);
  }

  @Test
  void article19TimersForEachCategory() {
    ProcessInstance reform = register(number(), "REFORM", false, "2026-07-01", null);
    assertThat(timer(reform).getDuedate()).isEqualTo(beijingMidnight("2027-07-01"));
    assertThat(FormValues.objectList(var(reform, SCHEDULED_EVALUATIONS))).hasSize(1);

    ProcessInstance policy = register(number(), "POLICY", true, "2026-01-01", "2031-12-31");
    assertThat(var(policy, TERM_MONTHS)).isEqualTo(72);
    assertThat(FormValues.objectList(var(policy, SCHEDULED_EVALUATIONS))).extracting(e -> e.get("evaluationType") + "@" + e.get("dueDate"))
        .containsExactly("EXECUTION@2027-01-01", "MID_TERM@2029-01-01", "FINAL@2032-01-01");
    assertThat(timer(policy).getDuedate()).isEqualTo(beijingMidnight("2027-01-01"));

    ProcessInstance plan = register(number(), "PLAN", false, "2026-03-01", "2031-02-28");
    assertThat(timer(plan).getDuedate()).isEqualTo(beijingMidnight("2028-09-01"));
    assertThat(var(plan, NEXT_SCHEDULED_TYPE)).isEqualTo("MID_TERM");

    ProcessInstance other = register(number(), "OTHER", false, "2026-03-01", null);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(other.getId()).timers().count()).isZero();
    assertThat(var(other, HAS_NEXT_SCHEDULED)).isEqualTo(false);
  }

  @Test
  void aFiredTimerStartsPostEvaluationWithTheRightVariables() {
    String number = number();
    ProcessInstance tracking = register(number, "REFORM", false, "2025-01-01", null);
    Jobs.run(engine, timer(tracking).getId());
    // The timer's follow-up waits behind the exemption check's boundary: no evaluation yet.
    assertThat(evaluationOf(tracking)).isNull();
    drain(tracking);
    ProcessInstance evaluation = evaluationOf(tracking);
    assertThat(evaluation.getBusinessKey()).isEqualTo(number);
    assertThat(var(evaluation, EVALUATION_TYPE)).isEqualTo("EXECUTION");
    assertThat(var(evaluation, LEGAL_BASIS)).isEqualTo("第十九条第一款");
    assertThat(var(evaluation, EXECUTING_UNIT)).isEqualTo("exec-fgw");
    assertThat(var(tracking, TRACKING_STATUS)).isEqualTo("EVALUATING");
    assertThat(FormValues.objectList(var(tracking, SCHEDULED_EVALUATIONS))).singleElement()
        .satisfies(e -> assertThat(e.get("status")).isEqualTo("IN_PROGRESS"));
    assertThat(var(tracking, HAS_NEXT_SCHEDULED)).isEqualTo(false);

    EvaluationScenario.of(engine, evaluation).simplifiedUntilResolved("CONTINUE", "exec-fgw");
    drain(tracking);
    assertThat(FormValues.objectList(var(tracking, SCHEDULED_EVALUATIONS))).singleElement()
        .satisfies(e -> assertThat(e.get("status")).isEqualTo("DONE"));
    assertThat(var(tracking, TRACKING_STATUS)).isEqualTo("TRACKING");
    assertThat(var(tracking, LAST_EXECUTION_EVALUATION_DATE)).isEqualTo(BeijingClock.INSTANCE.today().toString());
    List<Map<String, Object>> history = FormValues.objectList(var(tracking, EVALUATION_HISTORY));
    assertThat(history).singleElement().satisfies(h -> {
      assertThat(h.get("evaluationType")).isEqualTo("EXECUTION");
      assertThat(h.get("grade")).isEqualTo("GOOD");
      assertThat(h.get("outcome")).isEqualTo("CONTINUE");
      assertThat(h.get("waived")).isEqualTo(false);
    });
    assertThat(var(tracking, HAS_NEXT_SCHEDULED)).isEqualTo(false);
  }

  @Test
  void halfProgressBringsTheMidTermForwardAndItsTimerIsGoneAfterwards() {
    ProcessInstance plan = register(number(), "PLAN", false, "2026-01-01", "2035-12-31");
    Task report = engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey(TrackingElements.REPORT_HALF_PROGRESS).singleResult();
    assertThat(report).isNotNull();
    Date before = timer(plan).getDuedate();
    engine.getFormService().submitTaskForm(report.getId(), Map.of("progressDescription", "已完成 55%"));
    // The report stands at once; bringing the evaluation forward is the job behind it.
    assertThat(timer(plan).getDuedate()).isEqualTo(before);
    Jobs.run(engine, engine.getManagementService().createJobQuery().processInstanceId(plan.getId())
        .activityId(TrackingElements.BRING_MID_TERM_FORWARD).singleResult().getId());
    // 评估安排已调整 entered the wait again: the timer now has today's date, from the revised schedule.
    Job timer = timer(plan);
    assertThat(timer.getDuedate()).isEqualTo(beijingMidnight(BeijingClock.INSTANCE.today().toString())).isBeforeOrEqualTo(new Date());
    assertThat(var(plan, SCHEDULE_REVISED)).isEqualTo(false);
    Jobs.run(engine, timer.getId());
    drain(plan);
    assertThat(var(evaluationOf(plan), EVALUATION_TYPE)).isEqualTo("MID_TERM");
    EvaluationScenario.of(engine, evaluationOf(plan)).simplifiedUntilResolved("CONTINUE", "exec-fgw");
    drain(plan);
    assertThat(var(plan, NEXT_SCHEDULED_TYPE)).isEqualTo("FINAL");
    assertThat(FormValues.objectList(var(plan, SCHEDULED_EVALUATIONS))).filteredOn(e -> e.get("evaluationType").equals("MID_TERM"))
        .singleElement().satisfies(e -> assertThat(e.get("status")).isEqualTo("DONE"));
  }

  @Test
  void aMidTermTimerWithdrawsTheProgressReport() {
    ProcessInstance plan = register(number(), "PLAN", false, "2020-01-01", "2029-12-31");
    Jobs.run(engine, timer(plan).getId());
    drain(plan);
    assertThat(var(evaluationOf(plan), EVALUATION_TYPE)).isEqualTo("MID_TERM");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey(TrackingElements.REPORT_HALF_PROGRESS).count()).isZero();
  }

  @Test
  void requestsAreAcceptedRefusedAndMerged() {
    String number = number();
    ProcessInstance tracking = register(number, "OTHER", false, "2026-01-01", null);

    assertThatThrownBy(() -> request("jyj", number, "EXECUTOR_APPLICATION", null)).hasMessageContaining("本单位");
    assertThatThrownBy(() -> request("sifa", "济政〔1999〕1号", "EFFECT_NOT_ACHIEVED", null)).hasMessageContaining("未找到");

    ProcessInstance few = request("sifa", number, "PUBLIC_OPINIONS", 5);
    Task refusal = engine.getTaskService().createTaskQuery().processInstanceId(few.getId()).singleResult();
    assertThat(refusal.getAssignee()).isEqualTo("sifa");
    assertThat((String) engine.getRuntimeService().getVariable(few.getId(), REQUEST_REFUSAL_TEXT.name()))
        .contains("第八条第（三）项", "本次申请填写的公众意见为 5 条");
    engine.getFormService().submitTaskForm(refusal.getId(), Map.of("refusalAcknowledged", true));
    assertThat(evaluationOf(tracking)).isNull();

    ProcessInstance accepted = request("fgw", number, "EXECUTOR_APPLICATION", null);
    // The requester's start returned at once; delivery to tracking is the job behind it.
    assertThat(evaluationOf(tracking)).isNull();
    drain(accepted);
    drain(tracking);
    ProcessInstance evaluation = evaluationOf(tracking);
    assertThat(var(evaluation, EVALUATION_TYPE)).isEqualTo("TRIGGERED");
    assertThat(var(evaluation, LEGAL_BASIS)).isEqualTo("第八条第（四）项");

    ProcessInstance risk = request("fgw", number, "EXECUTION_RISK", null);
    drain(risk);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).count()).isEqualTo(1);
    assertThat(var(evaluation, AUTHORITY_ATTENTION)).isEqualTo(true);
    assertThat((String) var(evaluation, AUTHORITY_ATTENTION_TEXT)).contains("第十八条");
    assertThat(FormValues.objectList(var(tracking, REQUEST_HISTORY))).extracting(r -> r.get("requestReason") + ":" + r.get("handling"))
        .containsExactly("EXECUTOR_APPLICATION:STARTED", "EXECUTION_RISK:MERGED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(risk.getId())
        .variableName(REQUEST_HANDLING.name()).singleResult().getValue()).isEqualTo("MERGED");
  }

  @Test
  void article20WaiverConfirmedAndRejected() {
    String number = number();
    ProcessInstance tracking = register(number, "OTHER", false, "2025-01-01", null);
    engine.getRuntimeService().setVariable(tracking.getId(), LAST_EXECUTION_EVALUATION_DATE.name(), BeijingClock.INSTANCE.today().minusMonths(3).toString());

    drain(request("sifa", number, "AUTHORITY_DEEMS_NECESSARY", null));
    drain(tracking);
    Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(tracking.getId()).taskDefinitionKey(TrackingElements.CONFIRM_WAIVER).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(confirm.getId())).extracting(l -> l.getGroupId()).contains("legal-affairs");
    engine.getFormService().submitTaskForm(confirm.getId(), Map.of(WAIVER_DECISION.name(), "CONFIRM", WAIVER_REASON.name(), "三个月前已评估，无新情况"));
    drain(tracking);
    assertThat(evaluationOf(tracking)).isNull();
    assertThat(FormValues.objectList(var(tracking, EVALUATION_HISTORY))).singleElement()
        .satisfies(h -> assertThat(h.get("waived")).isEqualTo(true));

    drain(request("sifa", number, "AUTHORITY_DEEMS_NECESSARY", null));
    drain(tracking);
    confirm = engine.getTaskService().createTaskQuery().processInstanceId(tracking.getId()).taskDefinitionKey(TrackingElements.CONFIRM_WAIVER).singleResult();
    engine.getFormService().submitTaskForm(confirm.getId(), Map.of(WAIVER_DECISION.name(), "REJECT", WAIVER_REASON.name(), "公众关注度上升，仍需评估"));
    drain(tracking);
    assertThat(var(evaluationOf(tracking), EVALUATION_TYPE)).isEqualTo("TRIGGERED");
  }

  @Test
  void suspensionWaitsForResumptionAndRecordsRequestsMeanwhile() {
    String number = number();
    ProcessInstance tracking = register(number, "REFORM", false, "2025-01-01", null);
    Jobs.run(engine, timer(tracking).getId());
    drain(tracking);
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("SUSPEND", "exec-fgw");
    drain(tracking);
    assertThat(var(tracking, TRACKING_STATUS)).isEqualTo("SUSPENDED");
    Task resume = engine.getTaskService().createTaskQuery().processInstanceId(tracking.getId()).taskDefinitionKey(TrackingElements.RESUME).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(resume.getId())).extracting(l -> l.getGroupId()).contains("decision-authority");

    drain(request("sifa", number, "EFFECT_NOT_ACHIEVED", null));
    assertThat(FormValues.objectList(var(tracking, REQUEST_HISTORY))).extracting(r -> r.get("handling")).containsExactly("MERGED");
    engine.getFormService().submitTaskForm(resume.getId(), Map.of(RESUME_NOTES.name(), "风险已消除，恢复执行"));
    assertThat(var(tracking, TRACKING_STATUS)).isEqualTo("TRACKING");
  }

  @Test
  void terminationEndsTrackingAfterMitigation() {
    ProcessInstance tracking = register(number(), "POLICY", true, "2025-01-01", "2032-12-31");
    Jobs.run(engine, timer(tracking).getId());
    drain(tracking);
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("TERMINATE", "exec-fgw");
    drain(tracking);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(tracking.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(tracking.getId())
        .variableName(TRACKING_STATUS.name()).singleResult().getValue()).isEqualTo("TERMINATED");
  }

  @Test
  void theFinalEvaluationEndsTracking() {
    ProcessInstance tracking = register(number(), "PLAN", false, "2015-01-01", "2019-12-31");
    Jobs.run(engine, timer(tracking).getId());
    drain(tracking);
    assertThat(var(evaluationOf(tracking), EVALUATION_TYPE)).isEqualTo("MID_TERM");
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("MAJOR_ADJUSTMENT", "exec-fgw");
    // The result is recorded, tracking waits again, and the final evaluation's timer (due in 2020) fires.
    drain(tracking);
    assertThat(var(evaluationOf(tracking), EVALUATION_TYPE)).isEqualTo("FINAL");
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("ADJUST", "exec-fgw");
    drain(tracking);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(tracking.getId())
        .variableName(TRACKING_STATUS.name()).singleResult().getValue()).isEqualTo("COMPLETED");
  }

  /**
   * The delivery of an accepted request is machine work behind the requester's start: when it fails (here the
   * decision's tracking is suspended meanwhile, so there is none to deliver to), the request stands and the failure
   * becomes an incident with a Chinese message; once the cause is removed, retrying the job delivers it.
   */
  @Test
  void aDeliveryThatFailsBecomesAnIncidentAndTheRequestStands() {
    String number = number();
    ProcessInstance tracking = register(number, "OTHER", false, "2026-01-01", null);
    ProcessInstance request = request("sifa", number, "AUTHORITY_DEEMS_NECESSARY", null);
    assertThat(var(request, REQUEST_ACCEPTED)).isEqualTo(true);
    Job delivery = engine.getManagementService().createJobQuery().processInstanceId(request.getId()).singleResult();
    assertThat(delivery).isNotNull();

    engine.getRuntimeService().suspendProcessInstanceById(tracking.getId());
    for (int attempt = 0; attempt < 5
        && engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count() == 0; attempt++) {
      assertThatThrownBy(() -> Jobs.run(engine, delivery.getId())).hasMessageContaining("已不在跟踪中");
    }
    var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(RequestElements.DELIVER);
    assertThat(incident.getIncidentMessage()).contains("评估申请已受理", number, "已不在跟踪中");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getId()).count()).isOne();
    assertThat(var(request, REQUEST_ACCEPTED)).isEqualTo(true);
    assertThat(var(request, DECISION_NUMBER)).isEqualTo(number);

    engine.getRuntimeService().activateProcessInstanceById(tracking.getId());
    // As an operator does in Cockpit: increment the retries; the job waits for its retry time, so run it now.
    engine.getManagementService().setJobRetries(delivery.getId(), 1);
    Jobs.run(engine, delivery.getId());
    drain(tracking);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat(var(evaluationOf(tracking), LEGAL_BASIS)).isEqualTo("第八条第（五）项");
  }
}
