package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Timers at scale on one node (issue 13, item 4): 1,000 scheduled evaluations due at the same moment; prints the time
 * from their due moment to the last evaluation started (the target is 60 s) and the jobs per second, beside the
 * machine's load. Printed, not asserted; asserts only that each decision got exactly one evaluation.
 */
@Tag("benchmark")
class ScheduledEvaluationsBenchmarkIT extends ScheduledEvaluationsAtScaleSupport {

  private static final int N = 1000;

  @Value("${camunda.bpm.job-execution.core-pool-size:3}") int core;
  @Value("${camunda.bpm.job-execution.max-pool-size:10}") int max;
  @Value("${camunda.bpm.job-execution.max-jobs-per-acquisition:3}") int perAcquisition;

  @Test
  void thousandTimersDueAtOnce() {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Run run = fireAtOnce(N, Duration.ofMinutes(20));
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    System.out.printf("T1 %d scheduled evaluations due at once, one node (H2): due → last evaluation started %.1f s, "
        + "%d jobs, %.1f jobs/s (job executor core %d, max %d, %d jobs per acquisition; load average %.1f → %.1f on %d "
        + "cores) | target 60 s%n", N, run.dueToLastStarted().toMillis() / 1000.0, run.jobs(), run.jobsPerSecond(),
        core, max, perAcquisition, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
    assertThat(run.started()).hasSize(N);
    assertThat(run.started().values()).allSatisfy(evaluations -> assertThat(evaluations).hasSize(1));
  }
}
