package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.FGW;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.SIFA;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.UNIT;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.beijingMidnight;
import static cn.jiyuan.decisionreview.tracking.TrackingEngineFixture.today;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.tracking.RequestRecord.Handling;
import cn.jiyuan.decisionreview.tracking.ScheduledEvaluation.Status;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Every path of decision-tracking on a bare engine (no Spring, no application): the real BPMN and the real
 * evaluationSchedule / evaluationExemption tables, the real step beans over a mocked register, post-evaluation
 * replaced by a one-task stub, jobs executed by the test as the job executor would. A phase that can stand alone
 * is started with {@code startBeforeActivity}. The accepted request's message is sent as evaluation-request's
 * delivery sends it (that delivery itself: {@link EvaluationRequestEngineTest}). Together the tests pass at least
 * 90 % of the model's elements.
 */
@Deployment(resources = {"processes/decision-tracking.bpmn", "dmn/evaluationSchedule.dmn", "dmn/evaluationExemption.dmn",
    "forms/register-decision.form", "forms/report-progress.form", "forms/confirm-waiver.form",
    "forms/resume-decision.form"})
class DecisionTrackingPathsEngineTest {

  static final String SUITE = "DecisionTrackingPathsEngineTest";

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
    assertThat(TrackingEngineFixture.coverage(SUITE, ProcessKeys.DECISION_TRACKING)).isGreaterThanOrEqualTo(0.9);
  }

  @BeforeEach
  void steps() throws Exception {
    f = new TrackingEngineFixture();
  }

  @AfterEach
  void reset() {
    f.close();
  }

  static String number(int n) {
    return "济政〔2026〕" + n + "号";
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static EvaluationRequest request(String reason, String legalBasis, boolean urgent, String description, String by) {
    return new EvaluationRequest(reason, legalBasis, urgent, description, by);
  }

  /** A scheduled evaluation that is running, as evaluationStarting leaves it. */
  static ScheduledEvaluation running(String type, int dueMonths, LocalDate due) {
    return new ScheduledEvaluation(type, dueMonths, due, EvaluationSchedule.legalBasis(type), Status.IN_PROGRESS, null);
  }

  /** Tracking as it is when post-evaluation has just returned {@code outcome} for a running {@code type} evaluation. */
  static VariableMap evaluated(String number, String category, LocalDate start, LocalDate end, String type,
      String outcome) {
    VariableMap v = TrackingEngineFixture.registered(number, category, start, end);
    SCHEDULED_EVALUATIONS.putInto(v, List.of(running(type, 12, start.plusMonths(12))));
    EVALUATION_TYPE.putInto(v, type);
    LEGAL_BASIS.putInto(v, EvaluationSchedule.legalBasis(type));
    URGENT.putInto(v, false);
    TRACKING_STATUS.putInto(v, TrackingStatus.EVALUATING);
    EVALUATION_STARTED_DATE.putInto(v, date("2026-04-01"));
    EVALUATION_OUTCOME.putInto(v, outcome);
    EVALUATION_GRADE.putInto(v, "FAIR");
    EVALUATION_COMPLETED_DATE.putInto(v, date("2026-05-20"));
    return v;
  }

  @Test
  void registrationSchedulesTheArticle19TimersOfEachCategory() {
    today(date("2026-03-01"));
    ProcessInstance reform = f.register(number(1), "REFORM", false, date("2026-07-01"), null);
    assertThat(reform.getBusinessKey()).isEqualTo(number(1));
    verify(f.register).claim(argThat(n -> n.value().equals(number(1))), eq(reform.getId()), eq("测试决策"), eq("REFORM"),
        eq(UNIT), any());
    verify(f.grants).grantGroupOnNewInstance(reform.getId(), UNIT);
    assertThat(f.timer(reform).getDuedate()).isEqualTo(beijingMidnight(date("2027-07-01")));
    assertThat(f.read(reform, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::evaluationType)
        .containsExactly("EXECUTION");
    assertThat(f.read(reform, TERM_MONTHS)).isNull();
    // no mid-term evaluation: nobody is asked to report half progress
    assertThat(f.task(reform, TrackingElements.REPORT_HALF_PROGRESS)).isNull();

    ProcessInstance policy = f.register(number(2), "POLICY", true, date("2026-01-01"), date("2031-12-31"));
    assertThat(f.read(policy, TERM_MONTHS)).isEqualTo(72);
    assertThat(f.read(policy, SCHEDULED_EVALUATIONS)).extracting(e -> e.evaluationType() + "@" + e.dueDate())
        .containsExactly("EXECUTION@2027-01-01", "MID_TERM@2029-01-01", "FINAL@2032-01-01");
    assertThat(f.timer(policy).getDuedate()).isEqualTo(beijingMidnight(date("2027-01-01")));
    assertThat(f.candidateGroups(f.task(policy, TrackingElements.REPORT_HALF_PROGRESS))).containsExactly(UNIT);

    ProcessInstance plan = f.register(number(3), "PLAN", false, date("2026-03-01"), date("2031-02-28"));
    assertThat(f.timer(plan).getDuedate()).isEqualTo(beijingMidnight(date("2028-09-01")));
    assertThat(f.read(plan, NEXT_SCHEDULED_TYPE)).isEqualTo("MID_TERM");

    ProcessInstance other = f.register(number(4), "OTHER", false, date("2026-03-01"), null);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(other.getId()).timers().count()).isZero();
    assertThat(f.read(other, NEXT_SCHEDULED_DUE)).isNull();
    assertThat(f.waitingForRequestAt(other)).isEqualTo(TrackingElements.REQUESTED_ONLY);
  }

  @Test
  void aFiredTimerStartsTheEvaluationWithTheRightVariablesAndTheResultIsRecorded() {
    today(date("2026-01-05"));
    ProcessInstance tracking = f.register(number(5), "REFORM", false, date("2025-01-01"), null);
    f.run(f.timer(tracking));
    // the timer's work ends at the exemption check's boundary: nothing has started yet
    assertThat(f.evaluationOf(tracking)).isNull();
    assertThat(f.jobBefore(tracking, TrackingElements.CHECK_EXEMPTION)).isNotNull();

    f.drain(tracking);
    ProcessInstance evaluation = f.evaluationOf(tracking);
    assertThat(evaluation.getBusinessKey()).isEqualTo(number(5));
    assertThat(f.read(evaluation, DECISION_NUMBER)).isEqualTo(number(5));
    assertThat(f.read(evaluation, DECISION_TITLE)).isEqualTo("测试决策");
    assertThat(f.read(evaluation, EXECUTING_UNIT)).isEqualTo(UNIT);
    assertThat(f.read(evaluation, EVALUATION_TYPE)).isEqualTo("EXECUTION");
    assertThat(f.read(evaluation, LEGAL_BASIS)).isEqualTo("第十九条第一款");
    assertThat(f.read(evaluation, URGENT)).isFalse();
    assertThat(f.read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.EVALUATING);
    assertThat(f.read(tracking, EVALUATION_STARTED_DATE)).isEqualTo(date("2026-01-05"));
    assertThat(f.read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status)
        .containsExactly(Status.IN_PROGRESS);
    assertThat(f.read(tracking, NEXT_SCHEDULED_DUE)).isNull();
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.EVALUATING.name())));

    // post-evaluation gives no completion date here: the result counts as of today
    f.completeEvaluation(tracking, "CONTINUE", "GOOD", null);
    assertThat(f.jobBefore(tracking, TrackingElements.RECORD_RESULT)).isNotNull();
    assertThat(f.read(tracking, EVALUATION_HISTORY)).as("none yet: registration stores no empty list").isNullOrEmpty();
    f.drain(tracking);
    assertThat(f.read(tracking, EVALUATION_HISTORY)).singleElement().satisfies(h -> {
      assertThat(h.evaluationType()).isEqualTo("EXECUTION");
      assertThat(h.legalBasis()).isEqualTo("第十九条第一款");
      assertThat(h.startedDate()).isEqualTo(date("2026-01-05"));
      assertThat(h.completedDate()).isEqualTo(date("2026-01-05"));
      assertThat(h.grade()).isEqualTo("GOOD");
      assertThat(h.outcome()).isEqualTo("CONTINUE");
      assertThat(h.waived()).isFalse();
    });
    assertThat(f.read(tracking, LAST_EXECUTION_EVALUATION_DATE)).isEqualTo(date("2026-01-05"));
    assertThat(f.read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status).containsExactly(Status.DONE);
    assertThat(f.read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.TRACKING);
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.TRACKING.name())));
    assertThat(f.read(tracking, NEXT_SCHEDULED_DUE)).isNull();
    assertThat(f.waitingForRequestAt(tracking)).isEqualTo(TrackingElements.REQUESTED_ONLY);
  }

  /**
   * Registration writes back only what it changed: a canonical submission is stored as submitted (one history detail
   * per variable), a number in another spelling is rewritten once; no empty histories are stored, and their
   * readers take a missing one as empty. Recording a result writes the register row once, not once per change.
   */
  @Test
  void registrationWritesBackOnlyWhatItChangesAndARecordedResultWritesTheRegisterRowOnce() {
    today(date("2026-01-05"));
    ProcessInstance canonical = f.register(number(90), "REFORM", false, date("2025-01-01"), null);
    for (String submitted : List.of(DECISION_NUMBER.name(), DECISION_TITLE.name(), IMPLEMENTATION_START.name(),
        BROAD_IMPACT.name(), SUPERIOR_MANDATED.name())) {
      assertThat(details(canonical, submitted)).as(submitted + " is not written back unchanged").isOne();
    }
    assertThat(details(canonical, ASSISTING_SUPERIOR.name())).as("not submitted: stored as false").isOne();
    assertThat(engine.getRuntimeService().getVariables(canonical.getId()))
        .doesNotContainKeys(EVALUATION_HISTORY.name(), REQUEST_HISTORY.name());

    ProcessInstance respelled = f.register("济政[2026]091号", "REFORM", false, date("2025-01-01"), null);
    assertThat(f.read(respelled, DECISION_NUMBER)).isEqualTo(number(91));
    assertThat(details(respelled, DECISION_NUMBER.name())).as("submitted, then its canonical form").isEqualTo(2);

    // the execution evaluation of number 90 runs and returns; recording its result is one job
    f.run(f.timer(canonical));
    f.drain(canonical);
    f.completeEvaluation(canonical, "CONTINUE", "GOOD", null);
    org.mockito.Mockito.clearInvocations(f.register);
    f.run(f.jobBefore(canonical, TrackingElements.RECORD_RESULT));
    verify(f.register, org.mockito.Mockito.times(1)).refresh(eq(canonical.getId()), any());
    assertThat(f.read(canonical, EVALUATION_HISTORY)).hasSize(1);
    assertThat(f.read(canonical, TRACKING_STATUS)).isEqualTo(TrackingStatus.TRACKING);
  }

  private long details(ProcessInstance instance, String variable) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .list().stream().filter(d -> variable.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
            .getVariableName())).count();
  }

  @Test
  void halfProgressBringsTheMidTermForwardAndTheTimerFollows() {
    today(date("2027-06-15"));
    ProcessInstance plan = f.register(number(6), "PLAN", false, date("2026-01-01"), date("2035-12-31"));
    assertThat(f.timer(plan).getDuedate()).isEqualTo(beijingMidnight(date("2031-01-01")));
    assertThat(f.candidateGroups(f.task(plan, TrackingElements.REPORT_HALF_PROGRESS))).containsExactly(UNIT);

    f.complete(plan, TrackingElements.REPORT_HALF_PROGRESS,
        PROGRESS_DESCRIPTION.putInto(Variables.createVariables(), "已完成 55%"));
    // the report stands at once; bringing the evaluation forward is the job behind it
    assertThat(f.timer(plan).getDuedate()).isEqualTo(beijingMidnight(date("2031-01-01")));
    f.run(f.jobBefore(plan, TrackingElements.BRING_MID_TERM_FORWARD));
    // 评估安排已调整 entered the wait again: the timer now has today's date, from the revised schedule
    Job timer = f.timer(plan);
    assertThat(timer.getDuedate()).isEqualTo(beijingMidnight(date("2027-06-15")));
    assertThat(f.read(plan, SCHEDULE_REVISED)).isFalse();
    assertThat(f.read(plan, SCHEDULED_EVALUATIONS)).filteredOn(e -> e.evaluationType().equals("MID_TERM")).singleElement()
        .satisfies(e -> {
          assertThat(e.dueDate()).isEqualTo(date("2027-06-15"));
          assertThat(e.broughtForward()).isTrue();
        });

    f.run(timer);
    f.drain(plan);
    assertThat(f.read(f.evaluationOf(plan), EVALUATION_TYPE)).isEqualTo("MID_TERM");
    assertThat(f.read(f.evaluationOf(plan), LEGAL_BASIS)).isEqualTo("第十九条第二款");
    f.completeEvaluation(plan, "CONTINUE", "GOOD", null);
    f.drain(plan);
    assertThat(f.read(plan, NEXT_SCHEDULED_TYPE)).isEqualTo("FINAL");
    assertThat(f.read(plan, SCHEDULED_EVALUATIONS)).filteredOn(e -> e.evaluationType().equals("MID_TERM")).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Status.DONE));
    assertThat(f.timer(plan).getDuedate()).isEqualTo(beijingMidnight(date("2036-01-01")));
    assertThat(f.task(plan, TrackingElements.REPORT_HALF_PROGRESS)).isNull();
  }

  @Test
  void theMidTermTimerWithdrawsTheProgressReport() {
    today(date("2025-01-02"));
    ProcessInstance plan = f.register(number(7), "PLAN", false, date("2020-01-01"), date("2029-12-31"));
    assertThat(f.task(plan, TrackingElements.REPORT_HALF_PROGRESS)).isNotNull();
    f.run(f.timer(plan));
    f.drain(plan);
    assertThat(f.read(f.evaluationOf(plan), EVALUATION_TYPE)).isEqualTo("MID_TERM");
    assertThat(f.task(plan, TrackingElements.REPORT_HALF_PROGRESS)).isNull();
    assertThat(f.passed(plan, TrackingElements.REPORT_HALF_PROGRESS)).isTrue();
    assertThat(f.passed(plan, TrackingElements.BRING_MID_TERM_FORWARD)).isFalse();
  }

  @Test
  void anAcceptedRequestStartsATriggeredEvaluationAndOneArrivingDuringItIsMerged() {
    today(date("2026-05-10"));
    ProcessInstance tracking = f.register(number(8), "OTHER", false, date("2026-01-01"), null);
    f.requestStarting(tracking, request("EXECUTOR_APPLICATION", "第八条第（四）项", false, "执行单位申请评估", FGW));
    f.drain(tracking);
    ProcessInstance evaluation = f.evaluationOf(tracking);
    assertThat(f.read(evaluation, EVALUATION_TYPE)).isEqualTo("TRIGGERED");
    assertThat(f.read(evaluation, LEGAL_BASIS)).isEqualTo("第八条第（四）项");
    assertThat(f.read(tracking, REQUEST_HISTORY)).singleElement().satisfies(r -> {
      assertThat(r.handling()).isEqualTo(Handling.STARTED);
      assertThat(r.requestedBy()).isEqualTo(FGW);
      assertThat(r.date()).isEqualTo(date("2026-05-10"));
    });

    // an Art. 18 risk reported meanwhile joins the running evaluation and is brought to the authority's attention
    f.requestMerged(tracking, request("EXECUTION_RISK", "第十八条", true, "出现较大争议", FGW));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).count())
        .isOne();
    assertThat(f.read(evaluation, AUTHORITY_ATTENTION)).isTrue();
    assertThat(f.read(evaluation, AUTHORITY_ATTENTION_TEXT)).contains("第十八条", "出现较大争议");
    assertThat(f.read(evaluation, EVALUATION_TYPE)).isEqualTo("TRIGGERED");
    assertThat(f.read(tracking, LEGAL_BASIS)).isEqualTo("第八条第（四）项");
    assertThat(f.read(tracking, REQUEST_HISTORY)).extracting(r -> r.requestReason() + ":" + r.handling())
        .containsExactly("EXECUTOR_APPLICATION:STARTED", "EXECUTION_RISK:MERGED");
  }

  @Covers({"第十八条"})
  @Test
  void aRiskRequestWhileATimerWaitsStartsAnUrgentEvaluationAndTheTimerWaitsOn() {
    today(date("2026-04-01"));
    ProcessInstance tracking = f.register(number(9), "REFORM", false, date("2026-01-01"), null);
    assertThat(f.waitingForRequestAt(tracking)).isEqualTo(TrackingElements.REQUESTED);
    f.requestStarting(tracking, request("EXECUTION_RISK", "第十八条", true, "出现较大争议", FGW));
    assertThat(f.timer(tracking)).isNull();
    f.drain(tracking);
    ProcessInstance evaluation = f.evaluationOf(tracking);
    assertThat(f.read(evaluation, EVALUATION_TYPE)).isEqualTo("RISK");
    assertThat(f.read(evaluation, URGENT)).isTrue();
    assertThat(f.read(evaluation, LEGAL_BASIS)).isEqualTo("第十八条");
    assertThat(f.read(tracking, NEW_CIRCUMSTANCES)).isTrue();
    // a risk evaluation is not the scheduled execution evaluation: that one stays pending
    assertThat(f.read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status).containsExactly(Status.PENDING);

    f.completeEvaluation(tracking, "CONTINUE", "GOOD", date("2026-05-20"));
    f.drain(tracking);
    assertThat(f.read(tracking, EVALUATION_HISTORY)).singleElement()
        .satisfies(h -> assertThat(h.evaluationType() + "@" + h.completedDate()).isEqualTo("RISK@2026-05-20"));
    // only an execution evaluation counts for Art. 20's twelve months
    assertThat(f.read(tracking, LAST_EXECUTION_EVALUATION_DATE)).isNull();
    assertThat(f.timer(tracking).getDuedate()).isEqualTo(beijingMidnight(date("2027-01-01")));
    assertThat(f.read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.TRACKING);
  }

  @Test
  void article20WaiverConfirmedAndThenRejected() {
    today(date("2026-06-01"));
    // the exemption phase alone: a request for an evaluation three months after the last execution evaluation
    VariableMap v = TrackingEngineFixture.registered(number(10), "OTHER", date("2025-01-01"), null);
    EVALUATION_TYPE.putInto(v, "TRIGGERED");
    LEGAL_BASIS.putInto(v, "第八条第（五）项");
    URGENT.putInto(v, false);
    REQUEST_REASON.putInto(v, "AUTHORITY_DEEMS_NECESSARY");
    NEW_CIRCUMSTANCES.putInto(v, false);
    LAST_EXECUTION_EVALUATION_DATE.putInto(v, date("2026-03-01"));
    ProcessInstance tracking = f.startBefore(v, TrackingElements.CHECK_EXEMPTION);
    f.run(f.jobBefore(tracking, TrackingElements.CHECK_EXEMPTION));
    assertThat(f.read(tracking, MONTHS_SINCE_LAST_EXECUTION_EVALUATION)).isEqualTo(3);
    assertThat(f.read(tracking, WAIVER_BASIS)).isEqualTo("第二十条第一款");
    assertThat(f.candidateGroups(f.task(tracking, TrackingElements.CONFIRM_WAIVER))).containsExactly(Groups.LEGAL_AFFAIRS);

    VariableMap confirm = Variables.createVariables();
    WAIVER_DECISION.putInto(confirm, "CONFIRM");
    WAIVER_REASON.putInto(confirm, "三个月前已评估，无新情况");
    f.complete(tracking, TrackingElements.CONFIRM_WAIVER, confirm);
    assertThat(f.jobBefore(tracking, TrackingElements.RECORD_WAIVER)).isNotNull();
    f.drain(tracking);
    assertThat(f.evaluationOf(tracking)).isNull();
    assertThat(f.read(tracking, EVALUATION_HISTORY)).singleElement().satisfies(h -> {
      assertThat(h.waived()).isTrue();
      assertThat(h.evaluationType()).isEqualTo("TRIGGERED");
      assertThat(h.waiverBasis()).isEqualTo("第二十条第一款");
      assertThat(h.waiverReason()).isEqualTo("三个月前已评估，无新情况");
      assertThat(h.completedDate()).isEqualTo(date("2026-06-01"));
    });
    assertThat(f.read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.TRACKING);
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.TRACKING.name())));
    assertThat(f.waitingForRequestAt(tracking)).isEqualTo(TrackingElements.REQUESTED_ONLY);

    // the next request is waivable too; legal affairs gives reasons and the evaluation is organised all the same
    f.requestStarting(tracking, request("AUTHORITY_DEEMS_NECESSARY", "第八条第（五）项", false, "仍需评估", SIFA));
    f.drain(tracking);
    VariableMap reject = Variables.createVariables();
    WAIVER_DECISION.putInto(reject, "REJECT");
    WAIVER_REASON.putInto(reject, "公众关注度上升，仍需评估");
    f.complete(tracking, TrackingElements.CONFIRM_WAIVER, reject);
    f.drain(tracking);
    assertThat(f.read(f.evaluationOf(tracking), EVALUATION_TYPE)).isEqualTo("TRIGGERED");
    assertThat(f.read(tracking, EVALUATION_HISTORY)).hasSize(1);
    assertThat(f.passed(tracking, TrackingElements.RECORD_WAIVER)).isTrue();
  }

  @Test
  void aScheduledEvaluationTheSuperiorOrganisesIsWaivedAndSettledInTheSchedule() {
    today(date("2026-01-02"));
    ProcessInstance tracking = f.register(number(11), "REFORM", false, date("2025-01-01"), null, true);
    f.run(f.timer(tracking));
    f.drain(tracking);
    assertThat(f.read(tracking, WAIVER_BASIS)).isEqualTo("第二十条第二款");
    VariableMap confirm = Variables.createVariables();
    WAIVER_DECISION.putInto(confirm, "CONFIRM");
    WAIVER_REASON.putInto(confirm, "由上级机关组织评估");
    f.complete(tracking, TrackingElements.CONFIRM_WAIVER, confirm);
    f.drain(tracking);
    assertThat(f.read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status).containsExactly(Status.WAIVED);
    assertThat(f.read(tracking, NEXT_SCHEDULED_DUE)).isNull();
    assertThat(f.read(tracking, EVALUATION_HISTORY)).singleElement()
        .satisfies(h -> assertThat(h.evaluationType() + ":" + h.waived()).isEqualTo("EXECUTION:true"));
    assertThat(f.evaluationOf(tracking)).isNull();
  }

  @Test
  void suspensionWaitsForResumptionAndRecordsRequestsMeanwhile() {
    today(date("2026-06-01"));
    ProcessInstance tracking = f.startBefore(evaluated(number(12), "REFORM", date("2025-01-01"), null, "EXECUTION", "SUSPEND"),
        TrackingElements.RECORD_RESULT);
    f.run(f.jobBefore(tracking, TrackingElements.RECORD_RESULT));
    assertThat(f.read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.SUSPENDED);
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.SUSPENDED.name())));
    assertThat(f.read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status).containsExactly(Status.DONE);
    assertThat(f.candidateGroups(f.task(tracking, TrackingElements.RESUME))).containsExactly(Groups.DECISION_AUTHORITY);

    f.requestMerged(tracking, request("EFFECT_NOT_ACHIEVED", "第八条第（二）项", false, "效果不明显", SIFA));
    assertThat(f.read(tracking, REQUEST_HISTORY)).extracting(RequestRecord::handling).containsExactly(Handling.MERGED);
    assertThat(f.passed(tracking, TrackingElements.MERGE_REQUEST_SUSPENDED)).isTrue();
    assertThat(f.task(tracking, TrackingElements.RESUME)).isNotNull();
    assertThat(f.evaluationOf(tracking)).isNull();

    f.complete(tracking, TrackingElements.RESUME, RESUME_NOTES.putInto(Variables.createVariables(), "风险已消除，恢复执行"));
    assertThat(f.read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.TRACKING);
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.TRACKING.name())));
    assertThat(f.waitingForRequestAt(tracking)).isEqualTo(TrackingElements.REQUESTED_ONLY);
  }

  @Test
  void terminationEndsTrackingWithItsOpenProgressReport() {
    today(date("2026-06-01"));
    ProcessInstance tracking = f.startBefore(
        evaluated(number(13), "POLICY", date("2025-01-01"), date("2032-12-31"), "EXECUTION", "TERMINATE"),
        TrackingElements.RECORD_RESULT, TrackingElements.REPORT_HALF_PROGRESS);
    assertThat(f.task(tracking, TrackingElements.REPORT_HALF_PROGRESS)).isNotNull();
    f.run(f.jobBefore(tracking, TrackingElements.RECORD_RESULT));
    assertThat(f.ended(tracking)).isTrue();
    assertThat(f.historic(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.TERMINATED);
    assertThat(f.historic(tracking, EVALUATION_HISTORY)).singleElement()
        .satisfies(h -> assertThat(h.outcome()).isEqualTo("TERMINATE"));
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.TERMINATED.name())));
  }

  @Test
  void theFinalEvaluationEndsTracking() {
    today(date("2020-06-01"));
    ProcessInstance tracking = f.register(number(14), "PLAN", false, date("2015-01-01"), date("2019-12-31"));
    f.run(f.timer(tracking));
    f.drain(tracking);
    assertThat(f.read(f.evaluationOf(tracking), EVALUATION_TYPE)).isEqualTo("MID_TERM");
    f.completeEvaluation(tracking, "MAJOR_ADJUSTMENT", "POOR", null);
    // the result is recorded, tracking waits again, and the final evaluation's timer (due in 2020) fires
    f.drain(tracking);
    assertThat(f.read(f.evaluationOf(tracking), EVALUATION_TYPE)).isEqualTo("FINAL");
    assertThat(f.read(f.evaluationOf(tracking), LEGAL_BASIS)).isEqualTo("第十九条第三款");
    f.completeEvaluation(tracking, "ADJUST", "GOOD", null);
    f.drain(tracking);
    assertThat(f.ended(tracking)).isTrue();
    assertThat(f.historic(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.COMPLETED);
    assertThat(f.historic(tracking, EVALUATION_HISTORY)).extracting(h -> h.evaluationType() + ":" + h.outcome())
        .containsExactly("MID_TERM:MAJOR_ADJUSTMENT", "FINAL:ADJUST");
    verify(f.register, atLeastOnce()).refresh(eq(tracking.getId()), argThat(e -> e.status().equals(TrackingStatus.COMPLETED.name())));
  }

  /**
   * Recording the result is machine work behind the authority's resolution: when it fails, the evaluation's end
   * stands, the job retries, and its last failure is an incident at 登记评估结果.
   */
  @Test
  void aFailingResultRecordingIsAnIncidentAndTheEvaluationsEndStands() {
    today(date("2026-06-01"));
    VariableMap v = evaluated(number(15), "REFORM", date("2025-01-01"), null, "EXECUTION", null);
    ProcessInstance tracking = f.startBefore(v, TrackingElements.POST_EVALUATION);
    f.drain(tracking);
    ProcessInstance evaluation = f.evaluationOf(tracking);
    doThrow(new DataAccessResourceFailureException("决策登记表暂时无法写入")).when(f.register)
        .refresh(eq(tracking.getId()), argThat(e -> e != null && e.status().equals(TrackingStatus.TRACKING.name())));
    f.completeEvaluation(tracking, "CONTINUE", "GOOD", null);
    assertThat(f.ended(evaluation)).isTrue();
    Job recording = f.jobBefore(tracking, TrackingElements.RECORD_RESULT);
    for (int attempt = 0; attempt < 5 && engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(tracking.getId()).count() == 0; attempt++) {
      assertThatThrownBy(() -> f.run(recording)).hasMessageContaining("决策登记表暂时无法写入");
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(tracking.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TrackingElements.RECORD_RESULT);
    assertThat(incident.getIncidentMessage()).contains("决策登记表暂时无法写入");
    // nothing of the failed recording is kept; the outcome waits for the retry
    assertThat(f.read(tracking, EVALUATION_HISTORY)).as("none yet: registration stores no empty list").isNullOrEmpty();
    assertThat(f.read(tracking, EVALUATION_OUTCOME)).isEqualTo("CONTINUE");
  }
}
