package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import cn.jiyuan.decisionreview.rules.RuleVersions;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Engine-level tests of post-evaluation: the deployed model on an in-memory engine without Spring, every bean the
 * model names replaced by a Mockito mock, one phase started on its own with {@code startBeforeActivity}. They check
 * the flow and the transaction boundaries (which step waits for a job, what a failing job leaves behind); what
 * each bean does is tested where the bean is.
 */
@Deployment(resources = {"processes/post-evaluation.bpmn", "dmn/evaluationGrade.dmn", "forms/analysis.form",
    "forms/finalize-report.form", "forms/authority-approval.form", "forms/consultation-records.form", "forms/mitigation.form", "forms/re-decision.form"})
class PostEvaluationEngineTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("engine-test.cfg.xml").build();

  private static final String PROCESS = "post-evaluation";
  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  ProcessEngine engine;
  private final Map<String, Object> beans = new LinkedHashMap<>();

  /** A no-op mock for every bean the model names, so each test replaces only the ones it is about. */
  @BeforeEach
  void mockEveryBeanTheModelNames() throws IOException {
    Matcher m = BEAN.matcher(Files.readString(Path.of("processes/post-evaluation.bpmn")));
    while (m.find()) {
      beans.computeIfAbsent(m.group(1), name -> mock(Object.class,
          withSettings().name(name).extraInterfaces(JavaDelegate.class, TaskListener.class, ExecutionListener.class)));
    }
    beans.forEach(Mocks::register);
    // the grading rules in force when the evaluation started (README: which rule version applies)
    Mocks.register("ruleVersions", new RuleVersions(engine.getRepositoryService(), engine.getHistoryService(),
        new SystemCalls(engine)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private void register(String name, Object bean) {
    assertThat(beans).as("the model names the bean " + name).containsKey(name);
    beans.put(name, bean);
    Mocks.register(name, bean);
  }

  private ProcessInstance startBefore(String activityId, Map<String, Object> variables) {
    return engine.getRuntimeService().createProcessInstanceByKey(PROCESS).businessKey("济政〔2026〕1号")
        .setVariables(variables).startBeforeActivity(activityId).execute();
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult().getId();
    engine.getTaskService().complete(task, variables);
  }

  /** The one due job of the instance, or null. */
  private Job job(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void executeJob(ProcessInstance instance, String expectedActivity) {
    Job job = job(instance);
    assertThat(job).as("a job waits before " + expectedActivity).isNotNull();
    assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId()).isEqualTo(expectedActivity);
    engine.getManagementService().executeJob(job.getId());
  }

  private boolean waitsAt(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .count() == 1;
  }

  private static Map<String, Object> analysisScores(int score) {
    VariableMap v = Variables.createVariables();
    EvaluationVariables.EVALUATOR_GROUP.putInto(v, Groups.LEGAL_AFFAIRS);
    EvaluationVariables.PROCEDURE_TYPE.putInto(v, Procedure.FULL);
    for (Dimension d : Dimension.values()) {
      d.score().putInto(v, score);
    }
    EvaluationVariables.SEVERE_ADVERSE_IMPACT.putInto(v, false);
    EvaluationVariables.LEGALITY_CONFLICT.putInto(v, false);
    return v;
  }

  @Test
  void aFailingReportLeavesTheAnalysisCompletedAndAnIncidentWithAChineseMessage() throws Exception {
    EvaluationReports reports = mock(EvaluationReports.class);
    doThrow(new UncheckedIOException("磁盘已满", new IOException("No space left on device")))
        .when(reports).generateDraft(any());
    register("reportDraft", new EvaluationDelegates().reportDraft(reports));
    ProcessInstance instance = startBefore(TaskKeys.ANALYSIS, analysisScores(92));

    // The person's completion returns at once: scoring, grading and the report wait for the job executor.
    complete(instance, TaskKeys.ANALYSIS, Map.of());
    HistoricTaskInstance analysis = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(TaskKeys.ANALYSIS).singleResult();
    assertThat(analysis.getEndTime()).isNotNull();
    assertThat(analysis.getDeleteReason()).isEqualTo("completed");
    verify(reports, never()).generateDraft(any());

    executeJob(instance, TaskKeys.WEIGHTED_SCORE); // scoring and grading, in their own transaction
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), EvaluationVariables.WEIGHTED_SCORE.name()))
        .isEqualTo(92.0);

    // The report fails three times (R3/PT5M); then the job has no retries left and Cockpit shows an incident.
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = job(instance);
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasMessage("生成评估报告初稿失败：磁盘已满");
    }
    Job failed = job(instance);
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).isEqualTo("生成评估报告初稿失败：磁盘已满");
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(TaskKeys.GENERATE_DRAFT);
    assertThat(incident.getIncidentMessage()).isEqualTo("生成评估报告初稿失败：磁盘已满");

    // The analysis stands, the grade stays, and nothing after the report has started.
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TaskKeys.ANALYSIS).finished().count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), EvaluationVariables.WEIGHTED_SCORE.name()))
        .isEqualTo(92.0);
    assertThat(waitsAt(instance, TaskKeys.REVIEW_DRAFT)).isFalse();

    // An administrator who fixed the cause gives the job a retry in Cockpit; it then goes on as normal.
    org.mockito.Mockito.reset(reports);
    engine.getManagementService().setJobRetries(failed.getId(), 1);
    engine.getManagementService().executeJob(failed.getId());
    verify(reports).generateDraft(any());
    assertThat(waitsAt(instance, TaskKeys.REVIEW_DRAFT)).isTrue();
  }

  @Test
  void theConclusionPhaseAloneWaitsForAJobAfterEachPersonsStepAndReturnsAReport() throws Exception {
    JavaDelegate reportFinal = mock(JavaDelegate.class);
    JavaDelegate recordApproval = mock(JavaDelegate.class);
    JavaDelegate archive = mock(JavaDelegate.class);
    register("reportFinal", reportFinal);
    register("recordApproval", recordApproval);
    register("evaluationArchive", archive);
    VariableMap v = Variables.createVariables();
    EvaluationVariables.EVALUATOR_GROUP.putInto(v, Groups.LEGAL_AFFAIRS);
    EvaluationVariables.EXECUTING_UNIT.putInto(v, "exec-fgw");
    EvaluationVariables.PROCEDURE_TYPE.putInto(v, Procedure.SIMPLIFIED);
    ProcessInstance instance = startBefore(TaskKeys.FINALIZE_REPORT, v);

    complete(instance, TaskKeys.FINALIZE_REPORT, Map.of());
    verify(reportFinal, never()).execute(any());
    executeJob(instance, TaskKeys.GENERATE_FINAL);
    verify(reportFinal).execute(any());

    // Returned: back to the team, the approval not recorded.
    complete(instance, TaskKeys.AUTHORITY_APPROVAL, EvaluationSubmissions.returnReport("请补充数据"));
    assertThat(waitsAt(instance, TaskKeys.FINALIZE_REPORT)).isTrue();
    complete(instance, TaskKeys.FINALIZE_REPORT, Map.of());
    executeJob(instance, TaskKeys.GENERATE_FINAL);

    complete(instance, TaskKeys.AUTHORITY_APPROVAL, EvaluationSubmissions.approveReport("SUSPEND", "风险较大"));
    verify(recordApproval, never()).execute(any());
    executeJob(instance, TaskKeys.RECORD_APPROVAL);
    verify(recordApproval).execute(any());
    assertThat(waitsAt(instance, TaskKeys.MITIGATION)).isTrue();
    assertThat(waitsAt(instance, TaskKeys.RE_DECISION)).isFalse();

    complete(instance, TaskKeys.MITIGATION, Map.of());
    verify(archive, never()).execute(any());
    executeJob(instance, TaskKeys.ARCHIVE);
    verify(archive).execute(any());
    // The hand-back to a calling tracking is a job of its own, so a failure there does not undo the archive.
    executeJob(instance, TaskKeys.END_COMPLETED);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndTime()).isNotNull();
  }

  @Test
  void theStarterGetsTheFirstTaskAtOnceWhileTheNotificationWaitsForAJob() throws Exception {
    JavaDelegate notify = mock(JavaDelegate.class);
    register("notifyEvaluationStarted", notify);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    assertThat(waitsAt(instance, TaskKeys.DETERMINE_METHOD)).isTrue();
    verify(notify, never()).execute(any());
    executeJob(instance, TaskKeys.NOTIFY_EVALUATION_STARTED);
    verify(notify).execute(any());
    assertThat(waitsAt(instance, TaskKeys.DETERMINE_METHOD)).isTrue();
  }
  /** The survey's variables as 制定调查提纲和问卷 leaves them: a window ending on {@code closesAt}. */
  private static Map<String, Object> openSurvey(java.time.OffsetDateTime closesAt) {
    VariableMap v = Variables.createVariables();
    EvaluationVariables.EVALUATOR_GROUP.putInto(v, Groups.LEGAL_AFFAIRS);
    EvaluationVariables.EXECUTING_UNIT.putInto(v, "exec-fgw");
    EvaluationVariables.PROCEDURE_TYPE.putInto(v, Procedure.FULL);
    EvaluationVariables.SURVEY_ID.putInto(v, "survey-under-test-0001");
    EvaluationVariables.SURVEY_CLOSES_AT.putInto(v, closesAt.toString());
    return v;
  }

  @Test
  void theSurveyTakesAnswersUntilItsWindowEndsThenItsResultsAreAggregatedBeforeTheConsultationRecord()
      throws Exception {
    JavaDelegate aggregate = mock(JavaDelegate.class);
    register("aggregateSurvey", aggregate);
    java.time.OffsetDateTime closesAt = java.time.OffsetDateTime.parse("2026-12-31T09:30:00+08:00");
    ProcessInstance instance = startBefore(TaskKeys.COLLECT_SURVEY_RESPONSES, openSurvey(closesAt));

    Job timer = job(instance);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(closesAt.toInstant());
    assertThat(waitsAt(instance, TaskKeys.RECORD_CONSULTATIONS)).isFalse();

    engine.getManagementService().executeJob(timer.getId()); // the window ends
    verify(aggregate, never()).execute(any()); // aggregation is machine work of its own transaction
    executeJob(instance, TaskKeys.AGGREGATE_SURVEY);
    verify(aggregate).execute(any());
    assertThat(waitsAt(instance, TaskKeys.RECORD_CONSULTATIONS)).isTrue();
  }

  @Test
  void staffCanEndTheSurveyEarlyAndAFailingAggregationBecomesAnIncidentWithTheSurveyClosed() throws Exception {
    JavaDelegate aggregate = mock(JavaDelegate.class);
    doThrow(new IllegalStateException("汇总网上问卷结果失败：数据库不可用")).when(aggregate).execute(any());
    register("aggregateSurvey", aggregate);
    ProcessInstance instance = startBefore(TaskKeys.COLLECT_SURVEY_RESPONSES,
        openSurvey(java.time.OffsetDateTime.parse("2027-01-31T00:00:00+08:00")));

    engine.getRuntimeService().createMessageCorrelation(EvaluationMessages.SURVEY_CLOSED_EARLY).processInstanceId(instance.getId())
        .correlate();
    // the timer went with the receive task; one job is left, before the aggregation
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = job(instance);
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TaskKeys.AGGREGATE_SURVEY);
    assertThat(incident.getIncidentMessage()).contains("汇总网上问卷结果失败");
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(instance.getId())
        .activityId(TaskKeys.COLLECT_SURVEY_RESPONSES).count()).isZero();
  }
}
