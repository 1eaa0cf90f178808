package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.deadline.EscalationLog.Escalation;
import cn.jiyuan.decisionreview.notification.Notification;
import cn.jiyuan.decisionreview.notification.Notifications;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 督办 level by level, remembered in {@link EscalationLog} rather than found again each minute. A pass reads two short
 * lists: the tasks that are overdue and have no waiting row (never escalated, or their chain had stopped), and the rows
 * whose {@code next_escalation_at} has come (indexed). Tasks escalated and still waiting are not read at all. Each
 * level is written in its own transaction, row first: a node that loses the race for (task, level) writes nothing.
 */
@Service
@CarriesOut({"条例第三十四条", "条例第四十条"})
public class Escalations {

  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

  /** Rows per list and pass; the rest waits for the next pass (the lists shrink as levels are written). */
  static final int BATCH = 200;

  /** What one pass did: tasks and rows it read, levels it wrote. */
  public record Pass(int examined, int escalated) {}

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final Notifications notifications;
  private final EscalationLog log;
  private final EscalationCadence cadence;
  private final SystemCalls system;
  private final TransactionTemplate tx;

  public Escalations(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
      Notifications notifications, EscalationLog log, EscalationCadence cadence, SystemCalls system,
      PlatformTransactionManager transactionManager) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.notifications = notifications;
    this.log = log;
    this.cadence = cadence;
    this.system = system;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /** First levels, then the levels due, at {@code now}. */
  public Pass escalate(Date now) {
    Pass first = first(now);
    Pass repeat = repeat(now);
    return new Pass(first.examined() + repeat.examined(), first.escalated() + repeat.escalated());
  }

  /**
   * Active tasks past their due date without a waiting row. The anti-join against dr_escalation's primary key makes
   * the database skip every task that is already being escalated; a changed due date, a task created already late,
   * downtime or a clock set back need no watermark: whatever is overdue and not waiting is found.
   */
  Pass first(Date now) {
    String sql = "SELECT RES.* FROM " + managementService.getTableName(Task.class) + " RES "
        + "WHERE RES.SUSPENSION_STATE_ = 1 AND RES.DUE_DATE_ < #{now} AND NOT EXISTS (SELECT 1 FROM dr_escalation E "
        + "WHERE E.task_id = RES.ID_ AND E.next_escalation_at IS NOT NULL) ORDER BY RES.DUE_DATE_, RES.ID_";
    List<Task> tasks = system.run(() -> taskService.createNativeTaskQuery().sql(sql).parameter("now", now)
        .listPage(0, BATCH));
    if (tasks.isEmpty()) {
      return new Pass(0, 0);
    }
    Map<String, Integer> levels = log.levels(tasks.stream().map(Task::getId).toList());
    int escalated = 0;
    for (Task task : tasks) {
      if (escalate(task, levels.getOrDefault(task.getId(), 0) + 1, now)) {
        escalated++;
      }
    }
    return new Pass(tasks.size(), escalated);
  }

  /** Rows whose next level has come: escalate the task if it is still overdue, else stop or move the wait. */
  Pass repeat(Date now) {
    List<Escalation> due = log.due(now.toInstant(), BATCH);
    int escalated = 0;
    for (Escalation row : due) {
      Task task = system.run(() -> taskService.createTaskQuery().taskId(row.taskId()).singleResult());
      if (task == null || task.getDueDate() == null) {
        log.stop(row.taskId()); // completed or deleted without our listener, or no longer has a deadline
      } else if (!task.getDueDate().before(now)) {
        log.postpone(row.taskId(), row.level(), task.getDueDate().toInstant()); // extended: next level when it passes
      } else if (task.isSuspended()) {
        log.postpone(row.taskId(), row.level(), cadence.nextAfter(now.toInstant(), task.getDueDate().toInstant()));
      } else if (escalate(task, row.level() + 1, now)) {
        escalated++;
      }
    }
    return new Pass(due.size(), escalated);
  }

  /** One level in its own transaction: the row, then its notifications; nothing if the level is recorded already. */
  private boolean escalate(Task task, int level, Date now) {
    try {
      return Boolean.TRUE.equals(tx.execute(status -> {
        Instant due = task.getDueDate().toInstant();
        int late = cadence.workingDaysOverdue(due, now.toInstant());
        List<Notification> notices = notifications.escalation(task, level, late, cadence.supervisors(level));
        Escalation escalation = new Escalation(task.getId(), level, task.getProcessInstanceId(), decisionNumber(task),
            now.toInstant(), late, recipients(notices), cadence.nextAfter(now.toInstant(), due));
        if (!log.record(escalation)) {
          return false;
        }
        notifications.enqueue(notices);
        return true;
      }));
    } catch (RuntimeException e) {
      // one task's failure (e.g. its process instance vanished meanwhile) must not stop the others; retried next pass
      LOG.warn("任务 {} 的第 {} 次督办未能记录，下一轮再试：{}", task.getId(), level, e.toString());
      return false;
    }
  }

  private String decisionNumber(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance pi = system.run(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    return pi == null ? null : pi.getBusinessKey();
  }

  /** The outbox's recipients, joined by 、; a webhook by its host, since its URL carries the robot's key. */
  static String recipients(List<Notification> notices) {
    Set<String> names = new LinkedHashSet<>();
    for (Notification n : notices) {
      names.add(n.channel() == Notification.Channel.WEBHOOK ? "Webhook（" + host(n.recipient()) + "）" : n.recipient());
    }
    return String.join("、", names);
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "?" : host;
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }
}
