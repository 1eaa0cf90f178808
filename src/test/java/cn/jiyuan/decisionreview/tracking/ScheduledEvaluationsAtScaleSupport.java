package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.awaitility.Awaitility.await;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Many scheduled evaluations due at the same moment, fired by this context's own job executor with the settings of
 * application.yaml. The trackings are registered with the job executor stopped, their execution evaluation due today
 * at 00:00 (a REFORM decision whose execution began twelve months ago); starting the job executor is the midnight at
 * which all fall due at once. A tracking's way to its evaluation is three jobs: the timer, the Art. 20 exemption check
 * and the call of post-evaluation.
 */
@IntegrationTest
@TestPropertySource(properties = {"decision-review.demo.evaluations=false", "camunda.bpm.job-execution.enabled=true",
    "it.context=scheduled-evaluations-at-scale"})
abstract class ScheduledEvaluationsAtScaleSupport {

  static final String TIMER = TrackingElements.SCHEDULED_DUE;

  @Autowired ProcessEngine engine;

  /** What a run measured; {@code started} by decision number. */
  record Run(List<String> numbers, List<String> trackings, Instant due, Instant lastStarted, int jobs,
      Map<String, List<HistoricProcessInstance>> started) {

    Duration dueToLastStarted() {
      return Duration.between(due, lastStarted);
    }

    double jobsPerSecond() {
      return jobs * 1000.0 / Math.max(1, dueToLastStarted().toMillis());
    }
  }

  Run fireAtOnce(int n, Duration bound) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    executor.shutdown();
    List<String> numbers = new ArrayList<>();
    List<String> trackings = new ArrayList<>();
    Instant due;
    try {
      LocalDate start = BeijingClock.INSTANCE.today().minusMonths(12);
      for (int i = 0; i < n; i++) {
        String number = DecisionNumbers.unique();
        numbers.add(number);
        trackings.add(register(number, start));
      }
    } finally {
      due = Instant.now();
      executor.start();
    }
    String[] keys = numbers.toArray(String[]::new);
    await().atMost(bound).pollInterval(Duration.ofMillis(500)).until(() -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey("post-evaluation").processInstanceBusinessKeyIn(keys)
        .count() >= n);
    List<HistoricProcessInstance> evaluations = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("post-evaluation").processInstanceBusinessKeyIn(keys).list();
    Instant last = evaluations.stream().map(h -> h.getStartTime().toInstant()).max(Instant::compareTo).orElse(due);
    int jobs = 0;
    for (HistoricJobLog log : engine.getHistoryService().createHistoricJobLogQuery().successLog()
        .processDefinitionKey("decision-tracking").list()) {
      if (trackings.contains(log.getProcessInstanceId()) && !log.getTimestamp().toInstant().isAfter(last)) {
        jobs++;
      }
    }
    Map<String, List<HistoricProcessInstance>> started = new LinkedHashMap<>();
    evaluations.forEach(h -> started.computeIfAbsent(h.getBusinessKey(), k -> new ArrayList<>()).add(h));
    return new Run(numbers, trackings, due, last, jobs, started);
  }

  /** As Tasklist's start form registers a decision. */
  private String register(String number, LocalDate start) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(DECISION_NUMBER.name(), number);
    v.put(DECISION_TITLE.name(), "定时评估压力测试决策");
    v.put(DECISION_CATEGORY.name(), "REFORM");
    v.put(BROAD_IMPACT.name(), false);
    v.put(IMPLEMENTATION_START.name(), start.toString());
    v.put(EXECUTING_UNIT.name(), "exec-fgw");
    v.put(SUPERIOR_MANDATED.name(), false);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("decision-tracking").latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, v).getId();
  }
}
