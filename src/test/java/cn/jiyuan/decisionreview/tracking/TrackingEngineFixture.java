package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.support.Jobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * What the engine-level tests of decision-tracking and evaluation-request share: one in-memory engine without Spring
 * (no job executor: each test runs the jobs itself), {@code post-evaluation} replaced by a one-task stub, the real
 * step beans of {@link TrackingDelegates} and {@link EvaluationRequests} over two Mockito mocks (the dr_decision
 * register and the participant grants), the demo identities the request rules look up, and flow-node coverage per
 * test class (the figure the Spring IT used to assert).
 */
final class TrackingEngineFixture {

  /** The stub's one task: completing it gives tracking what post-evaluation's outputs give. */
  static final String STUB_EVALUATION_TASK = "Task_StubEvaluation";
  static final String UNIT = "exec-fgw";
  static final String OTHER_UNIT = "exec-jyj";
  /** Legal affairs, the executing unit fgw, the executing unit jyj (demo identities, as the ITs use them). */
  static final String SIFA = "sifa";
  static final String FGW = "fgw";
  static final String JYJ = "jyj";

  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static ProcessEngine engine;
  private static DefaultCollector coverage;

  final ProcessEngine processEngine = engine();
  final TrackedDecisions register = mock(TrackedDecisions.class);
  final ParticipantGrants grants = mock(ParticipantGrants.class);
  /** What the mocked register answers for a number: the rows claimed (or put) in this test, with their status. */
  private final Map<String, TrackedDecisions.Row> rows = new LinkedHashMap<>();

  static synchronized ProcessEngine engine() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("tracking-paths-engine-test");
      configuration.setJdbcUrl("jdbc:h2:mem:tracking-paths-engine-test;DB_CLOSE_DELAY=-1");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("full");
      configuration.setExpressionManager(new MockExpressionManager());
      // the application's pattern (application.yaml): group ids such as legal-affairs and exec-fgw
      configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
      configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
      ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      engine = configuration.buildProcessEngine();
      coverage = new DefaultCollector(new ExecutionContextModelProvider());
      new ProcessEngineAdapter(engine, coverage).initializeListeners();
      // what the call activity starts: one task that the test completes with the outputs post-evaluation gives
      engine.getRepositoryService().createDeployment().name("post-evaluation-stub").addModelInstance("post-evaluation.bpmn",
          Bpmn.createExecutableProcess(ProcessKeys.POST_EVALUATION).camundaHistoryTimeToLive(1).startEvent()
              .userTask(STUB_EVALUATION_TASK).name("评估（替身）").endEvent().done()).deploy();
      identities(engine.getIdentityService());
    }
    return engine;
  }

  private static void identities(IdentityService identity) {
    Map<String, String> memberships = Map.of(SIFA, Groups.LEGAL_AFFAIRS, FGW, UNIT, JYJ, OTHER_UNIT);
    memberships.forEach((user, group) -> {
      Group g = identity.newGroup(group);
      g.setName(group);
      identity.saveGroup(g);
      User u = identity.newUser(user);
      identity.saveUser(u);
      identity.createMembership(user, group);
    });
  }

  /** Flow-node and sequence-flow coverage is collected from here on into the suite {@code id}. */
  static void startCoverage(String id) {
    engine();
    coverage.createSuite(new Suite(id, id));
    coverage.activateSuite(id);
    coverage.createRun(new Run(id, id), id);
    coverage.activateRun(id);
  }

  /** The share of {@code processKey}'s elements that the suite's tests passed. */
  static double coverage(String suite, String processKey) {
    List<Model> models = coverage.getModels().stream().filter(m -> m.getKey().equals(processKey)).toList();
    assertThat(models).as("coverage of " + processKey).isNotEmpty();
    return coverage.getSuites().get(suite).calculateCoverage(models);
  }

  /** The steps as the application wires them, put where the models name them; the register and grants mocked. */
  TrackingEngineFixture() throws IOException {
    doAnswer(call -> {
      DecisionNumber number = call.getArgument(0);
      rows.put(number.value(), new TrackedDecisions.Row(number.value(), call.getArgument(1), call.getArgument(2),
          call.getArgument(3), call.getArgument(4), TrackingStatus.TRACKING.name()));
      return null;
    }).when(register).claim(any(), any(), any(), any(), any(), any());
    doAnswer(call -> {
      rows.replaceAll((number, row) -> row.processInstanceId().equals(call.getArgument(0))
          ? new TrackedDecisions.Row(number, row.processInstanceId(), row.title(), row.category(), row.executingUnit(),
              call.<RegisterEntry>getArgument(1).status())
          : row);
      return null;
    }).when(register).refresh(anyString(), any());
    when(register.find(anyString())).thenAnswer(call -> Optional.ofNullable(rows.get(DecisionNumber.normalise(call.getArgument(0)))));

    TrackingDelegates steps = new TrackingDelegates();
    TrackingState state = new TrackingState(register, BeijingClock.INSTANCE);
    SystemCalls system = new SystemCalls(processEngine);
    EvaluationRequests requests = new EvaluationRequests(processEngine.getRuntimeService(),
        processEngine.getRepositoryService(), processEngine.getIdentityService(), system, register, state);
    Map<String, Object> beans = new LinkedHashMap<>();
    beans.put("trackingRegistration", steps.trackingRegistration(processEngine.getIdentityService(),
        processEngine.getRuntimeService(), system, grants, register));
    beans.put("trackingSchedule", steps.trackingSchedule(state));
    beans.put("scheduledEvaluationDue", steps.scheduledEvaluationDue());
    beans.put("evaluationRequested", steps.evaluationRequested(state));
    beans.put("exemptionInputs", steps.exemptionInputs(state));
    beans.put("waiverRecord", steps.waiverRecord(state));
    beans.put("evaluationStarting", steps.evaluationStarting(state));
    beans.put("evaluationResult", steps.evaluationResult(state));
    beans.put("trackingResumed", steps.trackingResumed(state));
    beans.put("requestMerge", steps.requestMerge(state, processEngine.getRuntimeService()));
    beans.put("halfProgress", steps.halfProgress(state));
    beans.put("requestStart", steps.requestStart(requests));
    beans.put("requestDecided", steps.requestDecided(requests));
    beans.put("requestDelivery", steps.requestDelivery(requests));
    // every bean the two models name is here, so a step added in Modeler cannot go untested unnoticed
    for (String model : List.of("processes/decision-tracking.bpmn", "processes/evaluation-request.bpmn")) {
      Matcher m = BEAN.matcher(Files.readString(Path.of(model)));
      while (m.find()) {
        assertThat(beans).as(model + " names the bean " + m.group(1)).containsKey(m.group(1));
      }
    }
    beans.forEach(Mocks::register);
  }

  void close() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- time ---

  /** The engine's clock (and so the one Beijing clock) at 09:00 Beijing time on {@code day}. */
  static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BeijingClock.ZONE).toInstant()));
  }

  static Date beijingMidnight(LocalDate day) {
    return Date.from(day.atStartOfDay(BeijingClock.ZONE).toInstant());
  }

  // --- starting tracking ---

  /** 登记重大行政决策 from the start event, through the real registration listener. */
  ProcessInstance register(String number, String category, boolean broadImpact, LocalDate start, LocalDate end) {
    return register(number, category, broadImpact, start, end, false);
  }

  ProcessInstance register(String number, String category, boolean broadImpact, LocalDate start, LocalDate end,
      boolean superiorMandated) {
    VariableMap form = Variables.createVariables();
    DECISION_NUMBER.putInto(form, number);
    DECISION_TITLE.putInto(form, "测试决策");
    DECISION_CATEGORY.putInto(form, category);
    BROAD_IMPACT.putInto(form, broadImpact);
    IMPLEMENTATION_START.putInto(form, start);
    IMPLEMENTATION_END.putInto(form, end);
    EXECUTING_UNIT.putInto(form, UNIT);
    SUPERIOR_MANDATED.putInto(form, superiorMandated);
    return processEngine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.DECISION_TRACKING, form);
  }

  /** What registration leaves (its start listener's outcome), for a phase started on its own. */
  static VariableMap registered(String number, String category, LocalDate start, LocalDate end) {
    VariableMap v = Variables.createVariables();
    DECISION_NUMBER.putInto(v, number);
    DECISION_TITLE.putInto(v, "测试决策");
    DECISION_CATEGORY.putInto(v, category);
    BROAD_IMPACT.putInto(v, false);
    IMPLEMENTATION_START.putInto(v, start);
    IMPLEMENTATION_END.putInto(v, end);
    TERM_MONTHS.putInto(v, EvaluationSchedule.termMonths(start, end));
    EXECUTING_UNIT.putInto(v, UNIT);
    SUPERIOR_MANDATED.putInto(v, false);
    ASSISTING_SUPERIOR.putInto(v, false);
    TRACKING_STATUS.putInto(v, TrackingStatus.TRACKING);
    SCHEDULED_EVALUATIONS.putInto(v, List.of());
    return v;
  }

  /** One phase of tracking alone ({@code startBeforeActivity}); the register knows the decision as tracked. */
  ProcessInstance startBefore(VariableMap variables, String... activityIds) {
    String number = DECISION_NUMBER.from(variables);
    ProcessInstantiationBuilder builder = processEngine.getRuntimeService()
        .createProcessInstanceByKey(ProcessKeys.DECISION_TRACKING).businessKey(number).setVariables(variables);
    for (String activityId : activityIds) {
      builder.startBeforeActivity(activityId);
    }
    ProcessInstance tracking = builder.execute();
    rows.put(number, new TrackedDecisions.Row(number, tracking.getId(), DECISION_TITLE.from(variables),
        DECISION_CATEGORY.from(variables), EXECUTING_UNIT.from(variables), TrackingStatus.TRACKING.name()));
    return tracking;
  }

  // --- jobs, reads, tasks ---

  /** Runs the due jobs of this instance and the instances it calls, as the job executor would. */
  void drain(ProcessInstance instance) {
    Jobs.drain(processEngine, instance.getId());
  }

  Job timer(ProcessInstance tracking) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(tracking.getId()).timers()
        .singleResult();
  }

  /** The job that waits before {@code activityId}, or null. */
  Job jobBefore(ProcessInstance instance, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).singleResult();
  }

  void run(Job job) {
    assertThat(job).isNotNull();
    processEngine.getManagementService().executeJob(job.getId());
  }

  ProcessInstance evaluationOf(ProcessInstance tracking) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId())
        .singleResult();
  }

  <T> T read(ProcessInstance instance, ProcessVariable<T> variable) {
    return variable.from(processEngine.getRuntimeService().getVariables(instance.getId(), List.of(variable.name())));
  }

  /** A variable of an instance that has ended, from history. */
  <T> T historic(ProcessInstance instance, ProcessVariable<T> variable) {
    Object value = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(variable.name()).singleResult().getValue();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(variable.name(), value);
    return variable.from(values);
  }

  boolean ended(ProcessInstance instance) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .count() == 0;
  }

  /** Whether the instance passed the element (history). */
  boolean passed(ProcessInstance instance, String activityId) {
    return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).finished().count() > 0;
  }

  Task task(ProcessInstance instance, String taskKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  void complete(ProcessInstance instance, String taskKey, VariableMap variables) {
    Task task = task(instance, taskKey);
    assertThat(task).as("a task " + taskKey + " is open").isNotNull();
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  /** The stub evaluation ends with what the authority's resolution gives; a null date means "not given". */
  void completeEvaluation(ProcessInstance tracking, String outcome, String grade, LocalDate completed) {
    VariableMap result = Variables.createVariables();
    EVALUATION_OUTCOME.putInto(result, outcome);
    EVALUATION_GRADE.putInto(result, grade);
    if (completed != null) {
      EVALUATION_COMPLETED_DATE.putInto(result, completed);
    }
    complete(evaluationOf(tracking), STUB_EVALUATION_TASK, result);
  }

  // --- the message evaluation-request delivers (EvaluationRequests.deliver) ---

  /** An accepted request that describes the evaluation about to start (the STARTED events' message). */
  void requestStarting(ProcessInstance tracking, EvaluationRequest request) {
    VariableMap message = Variables.createVariables();
    REQUEST_REASON.putInto(message, request.requestReason());
    LEGAL_BASIS.putInto(message, request.legalBasis());
    URGENT.putInto(message, request.urgent());
    REQUEST_DESCRIPTION.putInto(message, request.requestDescription());
    REQUESTED_BY.putInto(message, request.requestedBy());
    correlate(tracking, message);
  }

  /** An accepted request merged into what runs (the MERGED events' message): one Json value. */
  void requestMerged(ProcessInstance tracking, EvaluationRequest request) {
    VariableMap message = Variables.createVariables();
    MERGED_REQUEST.putInto(message, request);
    correlate(tracking, message);
  }

  private void correlate(ProcessInstance tracking, VariableMap message) {
    processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_EVALUATION_REQUESTED)
        .processInstanceId(tracking.getId()).setVariables(message).correlate();
  }

  /** The element where tracking waits for a request, or null when none waits. */
  String waitingForRequestAt(ProcessInstance tracking) {
    var subscriptions = processEngine.getRuntimeService().createEventSubscriptionQuery()
        .processInstanceId(tracking.getId()).eventName(MESSAGE_EVALUATION_REQUESTED).list();
    return subscriptions.isEmpty() ? null : subscriptions.get(0).getActivityId();
  }
}
