package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.notification.Notifications;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and escalation: from a task's follow-up date its people are reminded; from its due date it is overdue
 * and escalated (督办) level by level, see {@link Escalations}. Every node may run this: a reminder is written once
 * per task (dr_task_reminder's primary key, and the outbox's unique key per recipient), a 督办 level once per task
 * (dr_escalation's primary key).
 */
@Component
public class DeadlineWatch {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);

  /** What one pass did; {@code examined} counts the overdue tasks and due 督办 rows it read (reminders aside). */
  public record Pass(int reminded, int escalated, int examined) {}

  private final TaskService taskService;
  private final ManagementService managementService;
  private final Notifications notifications;
  private final Escalations escalations;
  private final SystemCalls system;
  private final Clock clock;
  private final ReminderLog reminders;
  private final TransactionTemplate tx;

  public DeadlineWatch(TaskService taskService, ManagementService managementService, Notifications notifications,
      Escalations escalations, SystemCalls system, Clock clock, ReminderLog reminders,
      PlatformTransactionManager transactionManager) {
    this.reminders = reminders;
    this.tx = new TransactionTemplate(transactionManager);
    this.taskService = taskService;
    this.managementService = managementService;
    this.notifications = notifications;
    this.escalations = escalations;
    this.system = system;
    this.clock = clock;
  }

  @Value("${decision-review.deadline.watch-enabled:true}")
  private boolean enabled;

  @Scheduled(fixedDelayString = "${decision-review.deadline.watch-interval:PT1M}", initialDelayString = "PT30S")
  public void watch() {
    if (enabled) {
      scan(Date.from(clock.instant()));
    }
  }

  /** One pass at the given moment. */
  public Pass scan(Date now) {
    int reminded = remind(now);
    Escalations.Pass escalated = escalations.escalate(now);
    return new Pass(reminded, escalated.escalated(), escalated.examined());
  }

  /**
   * Tasks past their follow-up date, not yet due and not yet reminded. The anti-join on {@code dr_task_reminder}'s
   * primary key leaves out every task reminded before, so a pass reads only the newly due reminders, and a steady pass
   * with thousands of open tasks is one statement. Each reminder is its own transaction, row first: a node that loses
   * the race for a task writes nothing, and a task nobody can be reminded of (no assignee, empty groups) gets its row
   * too, so it is not read again each minute.
   */
  private int remind(Date now) {
    String sql = "SELECT RES.* FROM " + managementService.getTableName(Task.class) + " RES "
        + "WHERE RES.SUSPENSION_STATE_ = 1 AND RES.FOLLOW_UP_DATE_ < #{now} AND RES.DUE_DATE_ > #{now} "
        + "AND NOT EXISTS (SELECT 1 FROM " + ReminderLog.TABLE + " R WHERE R.task_id = RES.ID_) "
        + "ORDER BY RES.FOLLOW_UP_DATE_, RES.ID_";
    List<Task> tasks = system.run(() -> taskService.createNativeTaskQuery().sql(sql).parameter("now", now)
        .listPage(0, Escalations.BATCH));
    int reminded = 0;
    for (Task task : tasks) {
      try {
        if (Boolean.TRUE.equals(tx.execute(status -> {
          if (!reminders.record(task.getId(), now.toInstant())) {
            return false;
          }
          notifications.reminder(task);
          return true;
        }))) {
          reminded++;
        }
      } catch (RuntimeException e) {
        // one task's failure (e.g. deleted meanwhile) must not stop the others; it has no row, so the next pass retries
        LOG.warn("任务 {} 的催办未能记录，下一轮再试：{}", task.getId(), e.toString());
      }
    }
    return reminded;
  }
}
