package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.StatementCounter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The deadline watch with 10,000 open tasks (issue 13, item 4): statements and time of one pass once every task in the
 * reminder window is reminded and every overdue task escalated and waiting, beside an idle pass in the same run; and
 * what the catch-up costs (the passes that remind and escalate them first, 200 of each per pass). Statements are those
 * the application prepares on its data source (engine and JDBC alike). Printed, not asserted.
 */
@Tag("benchmark")
@IntegrationTest
@Import(StatementCounter.class)
@TestPropertySource(properties = {"decision-review.deadline.watch-enabled=false", "camunda.bpm.job-execution.enabled=false",
    "decision-review.demo.evaluations=false"})
class DeadlineWatchBenchmarkIT {

  private static final int OPEN = 10_000;
  private static final int IN_REMINDER_WINDOW = 1_000;
  private static final int OVERDUE = 1_000;

  @Autowired DeadlineWatch watch;
  @Autowired ProcessEngine engine;
  @Autowired Clock clock;

  private record Measured(DeadlineWatch.Pass pass, long statements, long millis) {}

  @Test
  void aPassWithTenThousandOpenTasks() {
    Date now = Date.from(clock.instant());
    for (int i = 0; i < 50 && watch.scan(now).examined() > 0; i++) {
      // the demo data's own tasks first, so that the idle pass finds nothing to do
    }
    Measured idle = measure(now);

    createTasks(now.toInstant());
    Measured first = measure(now);
    long catchUpStatements = first.statements();
    long catchUpMillis = first.millis();
    int reminded = first.pass().reminded();
    int escalated = first.pass().escalated();
    int passes = 1;
    for (Measured m = measure(now); m.pass().reminded() + m.pass().escalated() > 0; m = measure(now)) {
      catchUpStatements += m.statements();
      catchUpMillis += m.millis();
      reminded += m.pass().reminded();
      escalated += m.pass().escalated();
      passes++;
    }
    Measured steady = measure(now);
    Measured steadyAgain = measure(now);

    System.out.printf("W1 deadline watch pass with %,d open tasks (%,d reminded, %,d escalated and waiting, H2): "
        + "%d statements, %d ms (again: %d statements, %d ms) | baseline idle pass: %d statements, %d ms; catch-up "
        + "%d passes, %d reminders + %d first escalations in %,d statements, %d ms (%.1f statements per task); "
        + "load average %.1f on %d cores%n", OPEN, reminded, escalated, steady.statements(), steady.millis(),
        steadyAgain.statements(), steadyAgain.millis(), idle.statements(), idle.millis(), passes, reminded, escalated,
        catchUpStatements, catchUpMillis, catchUpStatements / (double) Math.max(1, reminded + escalated),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    assertThat(reminded).isEqualTo(IN_REMINDER_WINDOW);
    assertThat(escalated).isEqualTo(OVERDUE);
    assertThat(steady.pass().examined() + steady.pass().reminded()).isZero();
  }

  private Measured measure(Date now) {
    long before = StatementCounter.count();
    long start = System.nanoTime();
    DeadlineWatch.Pass pass = watch.scan(now);
    return new Measured(pass, StatementCounter.count() - before, (System.nanoTime() - start) / 1_000_000);
  }

  /** Standalone tasks of one unit, 500 per transaction: most not near their dates, some to remind, some overdue. */
  private void createTasks(Instant now) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    TaskService tasks = engine.getTaskService();
    for (int from = 0; from < OPEN; from += 500) {
      int start = from;
      config.getCommandExecutorTxRequired().execute(context -> {
        for (int i = start; i < start + 500; i++) {
          Task task = tasks.newTask("bench-watch-" + i);
          task.setName("基准测试任务 " + i);
          if (i < OVERDUE) {
            task.setFollowUpDate(Date.from(now.minus(Duration.ofDays(3))));
            task.setDueDate(Date.from(now.minus(Duration.ofDays(1))));
          } else if (i < OVERDUE + IN_REMINDER_WINDOW) {
            task.setFollowUpDate(Date.from(now.minus(Duration.ofHours(1))));
            task.setDueDate(Date.from(now.plus(Duration.ofDays(1))));
          } else {
            task.setFollowUpDate(Date.from(now.plus(Duration.ofDays(2))));
            task.setDueDate(Date.from(now.plus(Duration.ofDays(5))));
          }
          tasks.saveTask(task);
          tasks.addCandidateGroup(task.getId(), "exec-fgw");
        }
        return null;
      });
    }
  }
}
