package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.notification.Notifications;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders and escalation: from a task's follow-up date its people are reminded; from its
 * due date it is overdue and the unit and the supervision office are told (督办). Each notification is
 * written once per task, kind and recipient (the outbox's unique key), so every node may run this.
 */
@Component
public class DeadlineWatch {

  private final TaskService taskService;
  private final Notifications notifications;
  private final SystemCalls system;
  private final Clock clock;

  public DeadlineWatch(TaskService taskService, Notifications notifications, SystemCalls system, Clock clock) {
    this.taskService = taskService;
    this.notifications = notifications;
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

  /** One pass at the given moment; returns how many tasks were reminded or escalated. */
  @Transactional
  public int scan(Date now) {
    return system.run(() -> {
      int count = 0;
      for (Task task : taskService.createTaskQuery().active().followUpBefore(now).dueAfter(now).list()) {
        notifications.reminder(task);
        count++;
      }
      for (Task task : taskService.createTaskQuery().active().dueBefore(now).list()) {
        notifications.overdue(task);
        count++;
      }
      return count;
    });
  }
}
