package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.notification.Notification.Kind;
import cn.jiyuan.decisionreview.notification.Notifications;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminders and escalation: from a task's follow-up date its people are reminded; from its due date it is overdue
 * and escalated (督办) level by level, see {@link Escalations}. Every node may run this: a reminder is written once
 * per task and recipient (the outbox's unique key), a 督办 level once per task (dr_escalation's primary key).
 */
@Component
public class DeadlineWatch {

  /** What one pass did; {@code examined} counts the overdue tasks and due 督办 rows it read (reminders aside). */
  public record Pass(int reminded, int escalated, int examined) {}

  private final TaskService taskService;
  private final ManagementService managementService;
  private final Notifications notifications;
  private final Escalations escalations;
  private final SystemCalls system;
  private final Clock clock;

  public DeadlineWatch(TaskService taskService, ManagementService managementService, Notifications notifications,
      Escalations escalations, SystemCalls system, Clock clock) {
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
   * Tasks past their follow-up date, not yet due and not yet reminded: the anti-join on the outbox (indexed by task)
   * leaves out those reminded before, so a pass reads only the newly due reminders. One transaction, as before.
   */
  private int remind(Date now) {
    String sql = "SELECT RES.* FROM " + managementService.getTableName(Task.class) + " RES "
        + "WHERE RES.SUSPENSION_STATE_ = 1 AND RES.FOLLOW_UP_DATE_ < #{now} AND RES.DUE_DATE_ > #{now} "
        + "AND NOT EXISTS (SELECT 1 FROM dr_notification N WHERE N.task_id = RES.ID_ AND N.kind = '" + Kind.REMINDER + "') "
        + "ORDER BY RES.FOLLOW_UP_DATE_, RES.ID_";
    return system.run(() -> {
      List<Task> tasks = taskService.createNativeTaskQuery().sql(sql).parameter("now", now)
          .listPage(0, Escalations.BATCH);
      tasks.forEach(notifications::reminder);
      return tasks.size();
    });
  }
}
