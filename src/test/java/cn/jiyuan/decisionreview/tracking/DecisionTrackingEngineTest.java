package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.tracking.ScheduledEvaluation.Status;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * decision-tracking on a bare engine, without Spring or the application (fast): the real BPMN and tables, the real
 * step beans over a mocked register, and {@code post-evaluation} replaced by a one-task stub. One phase is started
 * alone with {@code startBeforeActivity}; jobs are executed explicitly, as the job executor would.
 */
class DecisionTrackingEngineTest {

  static final TrackedDecisions REGISTER = mock(TrackedDecisions.class);
  // not final: the extension injects its engine (this one) into ProcessEngine fields
  static ProcessEngine ENGINE = engine();

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  static ProcessEngine engine() {
    TrackingDelegates steps = new TrackingDelegates();
    TrackingState state = new TrackingState(REGISTER, BeijingClock.INSTANCE);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("trackingSchedule", steps.trackingSchedule(state));
    beans.put("scheduledEvaluationDue", steps.scheduledEvaluationDue());
    beans.put("evaluationRequested", steps.evaluationRequested(state));
    beans.put("exemptionInputs", steps.exemptionInputs(state));
    beans.put("waiverRecord", steps.waiverRecord(state));
    beans.put("evaluationStarting", steps.evaluationStarting(state));
    beans.put("evaluationResult", steps.evaluationResult(state));
    beans.put("trackingResumed", steps.trackingResumed(state));
    beans.put("halfProgress", steps.halfProgress(state));
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:tracking-engine-test;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("tracking-engine-test");
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(beans);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    ProcessEngine engine = configuration.buildProcessEngine();
    // what the call activity starts: one task that the test completes with the outputs post-evaluation gives
    engine.getRepositoryService().createDeployment().name("post-evaluation-stub").addModelInstance("post-evaluation.bpmn",
        Bpmn.createExecutableProcess("post-evaluation").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_StubEvaluation").name("评估（替身）").endEvent().done()).deploy();
    return engine;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void executeJobs(ProcessInstance tracking) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = ENGINE.getManagementService().createJobQuery().processInstanceId(tracking.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> ENGINE.getManagementService().executeJob(job.getId()));
    }
  }

  ProcessInstance evaluationOf(ProcessInstance tracking) {
    return ENGINE.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).singleResult();
  }

  <T> T read(ProcessInstance instance, cn.jiyuan.decisionreview.shared.ProcessVariable<T> variable) {
    return variable.from(ENGINE.getRuntimeService().getVariables(instance.getId(), List.of(variable.name())));
  }

  @Test
  @Deployment(resources = {"processes/decision-tracking.bpmn", "dmn/evaluationSchedule.dmn", "dmn/evaluationExemption.dmn"})
  void theTimerStartsTheEvaluationBehindItsBoundariesAndTheResultIsRecorded() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 3, 1).atStartOfDay(BeijingClock.ZONE).toInstant()));
    // the registration's outcome (its start listener is the application's), then the schedule phase alone
    VariableMap registered = Variables.createVariables();
    DECISION_NUMBER.putInto(registered, "济政〔2025〕9号");
    DECISION_TITLE.putInto(registered, "测试决策");
    DECISION_CATEGORY.putInto(registered, "REFORM");
    BROAD_IMPACT.putInto(registered, false);
    IMPLEMENTATION_START.putInto(registered, LocalDate.of(2025, 1, 1));
    IMPLEMENTATION_END.putInto(registered, null);
    EXECUTING_UNIT.putInto(registered, "exec-fgw");
    SUPERIOR_MANDATED.putInto(registered, false);
    TRACKING_STATUS.putInto(registered, TrackingStatus.TRACKING);
    ProcessInstance tracking = ENGINE.getRuntimeService().createProcessInstanceByKey("decision-tracking")
        .businessKey("济政〔2025〕9号").setVariables(registered).startBeforeActivity(TrackingElements.SCHEDULE).execute();

    Job timer = ENGINE.getManagementService().createJobQuery().processInstanceId(tracking.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 1, 1).atStartOfDay(BeijingClock.ZONE).toInstant()));
    ENGINE.getManagementService().executeJob(timer.getId());
    // the timer's work ends at the exemption check's boundary; nothing has started yet
    assertThat(evaluationOf(tracking)).isNull();
    assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(tracking.getId()).activityId(TrackingElements.CHECK_EXEMPTION)
        .count()).isOne();

    executeJobs(tracking);
    ProcessInstance evaluation = evaluationOf(tracking);
    assertThat(evaluation.getBusinessKey()).isEqualTo("济政〔2025〕9号");
    assertThat(ENGINE.getRuntimeService().getVariable(evaluation.getId(), EVALUATION_TYPE.name())).isEqualTo("EXECUTION");
    assertThat(read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.EVALUATING);
    assertThat(read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status).containsExactly(Status.IN_PROGRESS);
    verify(REGISTER, atLeastOnce()).refresh(anyString(), argThat(e -> e.status().equals("EVALUATING")));

    // the authority's resolution ends the evaluation; recording the result is the job after it
    Task stub = ENGINE.getTaskService().createTaskQuery().processInstanceId(evaluation.getId()).singleResult();
    VariableMap result = Variables.createVariables();
    EVALUATION_OUTCOME.putInto(result, "CONTINUE");
    EVALUATION_GRADE.putInto(result, "GOOD");
    EVALUATION_COMPLETED_DATE.putInto(result, LocalDate.of(2026, 2, 20));
    ENGINE.getTaskService().complete(stub.getId(), result);
    assertThat(read(tracking, EVALUATION_HISTORY)).as("none yet: registration stores no empty list").isNullOrEmpty();
    assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(tracking.getId()).activityId(TrackingElements.RECORD_RESULT)
        .count()).isOne();

    executeJobs(tracking);
    assertThat(read(tracking, EVALUATION_HISTORY)).singleElement().satisfies(h -> {
      assertThat(h.evaluationType()).isEqualTo("EXECUTION");
      assertThat(h.completedDate()).isEqualTo(LocalDate.of(2026, 2, 20));
      assertThat(h.startedDate()).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(h.grade()).isEqualTo("GOOD");
      assertThat(h.waived()).isFalse();
    });
    assertThat(read(tracking, LAST_EXECUTION_EVALUATION_DATE)).isEqualTo(LocalDate.of(2026, 2, 20));
    assertThat(read(tracking, SCHEDULED_EVALUATIONS)).extracting(ScheduledEvaluation::status).containsExactly(Status.DONE);
    assertThat(read(tracking, TRACKING_STATUS)).isEqualTo(TrackingStatus.TRACKING);
    // no scheduled evaluation is left: tracking waits for a request only
    assertThat(read(tracking, NEXT_SCHEDULED_DUE)).isNull();
    assertThat(ENGINE.getRuntimeService().createEventSubscriptionQuery().processInstanceId(tracking.getId())
        .eventName(MESSAGE_EVALUATION_REQUESTED).singleResult().getActivityId()).isEqualTo(TrackingElements.REQUESTED_ONLY);
  }
}
