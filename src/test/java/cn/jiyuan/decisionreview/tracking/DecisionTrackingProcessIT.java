package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code decision-tracking} in the whole application, for what only the application has: registration against the
 * dr_decision register and the directory (a number is taken once; a refused registration leaves nothing), and a
 * fired timer running the real {@code post-evaluation} whose result tracking records. Every other path (the timers
 * of each category, half progress, requests, waivers, suspension, termination, the final evaluation, a failing
 * delivery) and the flow coverage of both processes are proven on a bare engine: {@link DecisionTrackingPathsEngineTest},
 * {@link EvaluationRequestEngineTest}.
 */
@IntegrationTest
// Timers are fired by the test itself (Jobs.run), not by the job executor racing it.
@TestPropertySource(properties = {"decision-review.demo.evaluations=false", "camunda.bpm.job-execution.enabled=false"})
class DecisionTrackingProcessIT {

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

  ProcessInstance evaluationOf(ProcessInstance tracking) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).singleResult();
  }

  Object var(ProcessInstance pi, ProcessVariable<?> variable) {
    return engine.getRuntimeService().getVariable(pi.getId(), variable.name());
  }

  @Covers({"第二条", "条例第三十四条"})
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
    assertThat(var(tracking, NEXT_SCHEDULED_DUE)).isNull();

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
    assertThat(var(tracking, NEXT_SCHEDULED_DUE)).isNull();
  }
}
