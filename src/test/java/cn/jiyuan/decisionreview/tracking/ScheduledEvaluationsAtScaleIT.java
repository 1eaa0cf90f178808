package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Test;

/**
 * Fifty scheduled evaluations due at the same moment: the job executor fires each timer exactly once and starts exactly
 * one evaluation per decision (issue 13, item 4; the 1,000 are {@link ScheduledEvaluationsBenchmarkIT}).
 */
class ScheduledEvaluationsAtScaleIT extends ScheduledEvaluationsAtScaleSupport {

  @Test
  void fiftyTimersDueAtOnceEachFireOnceAndStartOneEvaluation() {
    Run run = fireAtOnce(50, Duration.ofMinutes(5));

    assertThat(run.started().keySet()).containsExactlyInAnyOrderElementsOf(run.numbers());
    assertThat(run.started().values()).allSatisfy(evaluations -> assertThat(evaluations).hasSize(1));
    assertThat(run.started().values().stream().map(e -> e.get(0).getSuperProcessInstanceId()).toList())
        .containsExactlyInAnyOrderElementsOf(run.trackings());

    List<HistoricJobLog> fired = engine.getHistoryService().createHistoricJobLogQuery().successLog()
        .activityIdIn(TIMER).processDefinitionKey("decision-tracking").list().stream()
        .filter(log -> run.trackings().contains(log.getProcessInstanceId())).toList();
    Map<String, Long> firedPerTracking = fired.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getProcessInstanceId, Collectors.counting()));
    assertThat(firedPerTracking.keySet()).containsExactlyInAnyOrderElementsOf(run.trackings());
    assertThat(firedPerTracking.values()).containsOnly(1L);
    for (String tracking : new HashSet<>(run.trackings())) {
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(tracking).timers()
          .activityId(TIMER).count()).as("no timer left on %s", tracking).isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(tracking).count()).isZero();
    }
  }
}
