package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.RequestVariables.*;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.FGW;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.JYJ;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.SIFA;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.today;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.support.DmnTable;
import cn.jiyuan.decisionreview.tracking.RequestRecord.Handling;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * evaluation-request on a bare engine, with the real evaluationTrigger table and the real {@link EvaluationRequests}
 * over a mocked register, delivering into the real decision-tracking (post-evaluation a stub): who may ask, what
 * the table refuses and why, and what becomes of an accepted request — it starts an evaluation, is merged into the
 * running one, or is recorded while tracking cannot take it — behind the async boundary after the requester's
 * start, where a failure is an incident with a Chinese message. Together the tests pass at least 90 % of the model.
 */
@Deployment(resources = {"processes/evaluation-request.bpmn", "dmn/evaluationTrigger.dmn", "forms/request-refused.form",
    "processes/decision-tracking.bpmn", "dmn/evaluationSchedule.dmn", "dmn/evaluationExemption.dmn",
    "forms/register-decision.form", "forms/report-progress.form", "forms/confirm-waiver.form",
    "forms/resume-decision.form"})
class EvaluationRequestEngineTest {

  static final String SUITE = "EvaluationRequestEngineTest";
  static final String NUMBER = "济政〔2026〕21号";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(TrackingEngineFixture.engine()).build();

  ProcessEngine engine;
  TrackingEngineFixture f;

  @BeforeAll
  static void collectCoverage() {
    TrackingEngineFixture.startCoverage(SUITE);
  }

  @AfterAll
  static void everyPathIsTaken() {
    assertThat(TrackingEngineFixture.coverage(SUITE, ProcessKeys.EVALUATION_REQUEST)).isGreaterThanOrEqualTo(0.9);
  }

  @BeforeEach
  void steps() throws Exception {
    f = new TrackingEngineFixture();
    today(LocalDate.parse("2026-05-10"));
  }

  @AfterEach
  void reset() {
    f.close();
  }

  /** fgw's decision, tracked and waiting for a request (no scheduled evaluation). */
  ProcessInstance tracked() {
    return f.startBefore(TrackingEngineFixture.registered(NUMBER, "OTHER", LocalDate.parse("2026-01-01"), null),
        TrackingElements.REQUESTED_ONLY);
  }

  /** 申请评估 as {@code user} submits it (the start form's variables; the initiator is the signed-in user). */
  ProcessInstance request(String user, String number, String reason, Integer opinions) {
    VariableMap v = Variables.createVariables();
    DECISION_NUMBER.putInto(v, number);
    REQUEST_REASON.putInto(v, reason);
    REQUEST_DESCRIPTION.putInto(v, "测试申请");
    if (opinions != null) {
      PUBLIC_OPINION_COUNT.putInto(v, opinions);
    }
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.EVALUATION_REQUEST, v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  long requests() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EVALUATION_REQUEST).count();
  }

  @Test
  void onlyATrackedDecisionAndForAUnitOnlyItsOwnCanBeRequestedAndARefusedStartLeavesNothing() {
    tracked();
    assertThatThrownBy(() -> request(JYJ, NUMBER, "EXECUTOR_APPLICATION", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("本单位");
    assertThatThrownBy(() -> request(SIFA, "济政〔1999〕1号", "EFFECT_NOT_ACHIEVED", null)).hasMessageContaining("未找到");
    assertThatThrownBy(() -> request(SIFA, NUMBER, "BORED", null)).hasMessageContaining("申请事由");
    assertThat(requests()).isZero();
  }

  @Test
  void aRequestTheTableRefusesWaitsForTheRequesterWithTheTablesReason() {
    ProcessInstance tracking = tracked();
    ProcessInstance few = request(SIFA, NUMBER, "PUBLIC_OPINIONS", 5);
    assertThat(f.read(few, REQUEST_ACCEPTED)).isFalse();
    assertThat(f.read(few, LEGAL_BASIS)).isEqualTo("第八条第（三）项");
    assertThat(f.read(few, REQUEST_REASON_LABEL)).isEqualTo(TrackingCodes.REQUEST_REASONS.get("PUBLIC_OPINIONS"));
    // the reason is the table's (it alone knows the threshold), with the count this request gave
    DmnTable trigger = DmnTable.load("evaluationTrigger.dmn", "evaluationTrigger");
    Object reason = trigger.engine.evaluateDecisionTable(trigger.decision, Variables.createVariables()
        .putValue(REQUEST_REASON.name(), "PUBLIC_OPINIONS").putValue(PUBLIC_OPINION_COUNT.name(), 5))
        .getSingleResult().getEntry("refusalReason");
    assertThat(f.read(few, REQUEST_REFUSAL_TEXT)).startsWith((String) reason).contains("第八条第（三）项", "本次申请填写的公众意见为 5 条");
    Task refusal = f.task(few, RequestElements.REFUSED);
    assertThat(refusal.getAssignee()).isEqualTo(SIFA);
    assertThat(f.jobBefore(few, RequestElements.DELIVER)).isNull();

    f.complete(few, RequestElements.REFUSED, REFUSAL_ACKNOWLEDGED.putInto(Variables.createVariables(), true));
    assertThat(f.ended(few)).isTrue();
    assertThat(f.evaluationOf(tracking)).isNull();
    assertThat(f.read(tracking, REQUEST_HISTORY)).as("none yet: registration stores no empty list").isNullOrEmpty();
  }

  @Test
  void anAcceptedRequestIsDeliveredAfterTheStartReturnsAndOneDuringTheEvaluationIsMergedIntoIt() {
    ProcessInstance tracking = tracked();
    ProcessInstance accepted = request(FGW, NUMBER, "EXECUTOR_APPLICATION", null);
    assertThat(f.read(accepted, REQUEST_ACCEPTED)).isTrue();
    assertThat(f.read(accepted, LEGAL_BASIS)).isEqualTo("第八条第（四）项");
    assertThat(f.read(accepted, REQUESTED_BY)).isEqualTo(FGW);
    // the requester's start returned at once; delivery to tracking is the job behind it
    assertThat(f.evaluationOf(tracking)).isNull();
    f.run(f.jobBefore(accepted, RequestElements.DELIVER));
    assertThat(f.ended(accepted)).isTrue();
    assertThat(f.historic(accepted, REQUEST_HANDLING)).isEqualTo(Handling.STARTED);
    f.drain(tracking);
    ProcessInstance evaluation = f.evaluationOf(tracking);
    assertThat(f.read(evaluation, EVALUATION_TYPE)).isEqualTo("TRIGGERED");
    assertThat(f.read(evaluation, LEGAL_BASIS)).isEqualTo("第八条第（四）项");

    ProcessInstance risk = request(FGW, NUMBER, "EXECUTION_RISK", null);
    assertThat(f.read(risk, URGENT)).isTrue();
    f.drain(risk);
    assertThat(f.historic(risk, REQUEST_HANDLING)).isEqualTo(Handling.MERGED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).count())
        .isOne();
    assertThat(f.read(evaluation, AUTHORITY_ATTENTION)).isTrue();
    assertThat(f.read(evaluation, AUTHORITY_ATTENTION_TEXT)).contains("第十八条", "测试申请");
    assertThat(f.read(tracking, REQUEST_HISTORY)).extracting(r -> r.requestReason() + ":" + r.handling() + ":" + r.requestedBy())
        .containsExactly("EXECUTOR_APPLICATION:STARTED:fgw", "EXECUTION_RISK:MERGED:fgw");
  }

  @Test
  void aRequestWhileTheWaiverIsDecidedIsRecordedForLater() {
    VariableMap v = TrackingEngineFixture.registered(NUMBER, "OTHER", LocalDate.parse("2025-01-01"), null);
    EVALUATION_TYPE.putInto(v, "TRIGGERED");
    WAIVER_BASIS.putInto(v, "第二十条第一款");
    ProcessInstance tracking = f.startBefore(v, TrackingElements.CONFIRM_WAIVER);
    ProcessInstance request = request(SIFA, NUMBER, "AUTHORITY_DEEMS_NECESSARY", null);
    f.drain(request);
    assertThat(f.historic(request, REQUEST_HANDLING)).isEqualTo(Handling.RECORDED);
    assertThat(f.read(tracking, REQUEST_HISTORY)).singleElement().satisfies(r -> {
      assertThat(r.handling()).isEqualTo(Handling.RECORDED);
      assertThat(r.legalBasis()).isEqualTo("第八条第（五）项");
      assertThat(r.date()).isEqualTo(LocalDate.parse("2026-05-10"));
    });
    assertThat(f.task(tracking, TrackingElements.CONFIRM_WAIVER)).isNotNull();
  }

  /**
   * When the delivery fails (here the decision's tracking is suspended meanwhile, so there is none to deliver to),
   * the request stands and the failure becomes an incident with a Chinese message; once the cause is removed,
   * retrying the job delivers it.
   */
  @Test
  void aDeliveryThatFailsBecomesAnIncidentWithAChineseMessageAndTheRequestStands() {
    ProcessInstance tracking = tracked();
    ProcessInstance request = request(SIFA, NUMBER, "AUTHORITY_DEEMS_NECESSARY", null);
    Job delivery = f.jobBefore(request, RequestElements.DELIVER);
    engine.getRuntimeService().suspendProcessInstanceById(tracking.getId());
    for (int attempt = 0; attempt < 5
        && engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count() == 0; attempt++) {
      assertThatThrownBy(() -> f.run(delivery)).hasMessageContaining("已不在跟踪中");
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(RequestElements.DELIVER);
    assertThat(incident.getIncidentMessage()).contains("评估申请已受理", NUMBER, "已不在跟踪中");
    assertThat(f.ended(request)).isFalse();
    assertThat(f.read(request, REQUEST_ACCEPTED)).isTrue();
    assertThat(f.read(request, DECISION_NUMBER)).isEqualTo(NUMBER);
    assertThat(f.evaluationOf(tracking)).isNull();

    engine.getRuntimeService().activateProcessInstanceById(tracking.getId());
    // as an operator does in Cockpit: increment the retries; the job waits for its retry time, so run it now
    engine.getManagementService().setJobRetries(delivery.getId(), 1);
    f.run(delivery);
    f.drain(tracking);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat(f.read(f.evaluationOf(tracking), LEGAL_BASIS)).isEqualTo("第八条第（五）项");
  }
}
