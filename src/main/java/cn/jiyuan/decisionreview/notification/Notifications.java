package cn.jiyuan.decisionreview.notification;

import cn.jiyuan.decisionreview.notification.Notification.Kind;
import cn.jiyuan.decisionreview.shared.EvaluationHandOver;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What the process steps say to people, written to the outbox in the step's own transaction:
 * a task became available, a reminder, an overdue task (督办, level by level), an evaluation started, a report resolved.
 */
@Service
public class Notifications {

  public static final String SUPERVISION_OFFICE = "supervision-office";

  private final NotificationComposer composer;
  private final NotificationOutbox outbox;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SystemCalls system;

  public Notifications(NotificationComposer composer, NotificationOutbox outbox, TaskService taskService,
      RuntimeService runtimeService, SystemCalls system) {
    this.composer = composer;
    this.outbox = outbox;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** A new task: its assignee, or the members of its candidate groups. */
  public void taskAvailable(DelegateTask task) {
    List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    List<String> users = task.getAssignee() != null ? List.of(task.getAssignee())
        : task.getCandidates().stream().map(IdentityLink::getUserId).filter(u -> u != null).toList();
    Object number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Object title = task.getVariable(EvaluationHandOver.DECISION_TITLE.name());
    send(Kind.TASK_AVAILABLE, new NotificationComposer.Context(str(number), str(title), task.getId(), task.getName(),
        task.getProcessInstanceId(), task.getDueDate() == null ? null : task.getDueDate().toInstant()),
        users, task.getAssignee() != null ? List.of() : groups);
  }

  /** Reminder before the due date: the assignee, or the candidate groups' members. */
  public void reminder(Task task) {
    send(Kind.REMINDER, context(task), assignee(task), task.getAssignee() != null ? List.of() : candidateGroups(task));
  }

  /**
   * The notifications of 督办 level {@code level} (1: OVERDUE, from 2: ESCALATION), composed but not yet written: the
   * responsible unit (the assignee and the candidate groups' members) and the {@code supervisors} the cadence adds for
   * that level. The caller records the escalation first and then {@link #enqueue}s them in the same transaction.
   */
  public List<Notification> escalation(Task task, int level, int workingDaysOverdue, Collection<String> supervisors) {
    List<String> groups = new ArrayList<>(candidateGroups(task));
    supervisors.stream().filter(g -> !groups.contains(g)).forEach(groups::add);
    NotificationComposer.Context context = context(task).escalation(level, workingDaysOverdue);
    return system.run(() -> composer.compose(level == 1 ? Kind.OVERDUE : Kind.ESCALATION, context, assignee(task),
        groups));
  }

  /** Writes composed notifications to the outbox in the caller's transaction (each at most once, see the outbox). */
  public void enqueue(Collection<Notification> notifications) {
    notifications.forEach(outbox::enqueue);
  }

  /** An evaluation started for a decision: its executing unit. */
  public void evaluationStarted(String processInstanceId, String decisionNumber, String decisionTitle, String executingUnit) {
    send(Kind.EVALUATION_STARTED, new NotificationComposer.Context(decisionNumber, decisionTitle, null, "跟踪反馈与后评估",
        processInstanceId, null), List.of(), List.of(executingUnit));
  }

  /** A report approved and the outcome resolved: the legal office and the executing unit. */
  public void reportResolved(String processInstanceId, String decisionNumber, String decisionTitle, String executingUnit) {
    send(Kind.REPORT_RESOLVED, new NotificationComposer.Context(decisionNumber, decisionTitle, null, "决策机关审定",
        processInstanceId, null), List.of(), List.of("legal-affairs", executingUnit));
  }

  public void taskCompleted(DelegateTask task) {
    outbox.cancelForTask(task.getId());
  }

  private void send(Kind kind, NotificationComposer.Context context, Collection<String> users, Collection<String> groups) {
    system.run(() -> composer.compose(kind, context, users, groups).forEach(outbox::enqueue));
  }

  private NotificationComposer.Context context(Task task) {
    return system.run(() -> {
      ProcessInstance pi = task.getProcessInstanceId() == null ? null
          : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
      Object title = task.getProcessInstanceId() == null ? null : runtimeService.getVariable(task.getProcessInstanceId(), "decisionTitle");
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      return new NotificationComposer.Context(pi == null ? null : pi.getBusinessKey(), str(title), task.getId(),
          task.getName(), task.getProcessInstanceId(), due);
    });
  }

  private List<String> assignee(Task task) {
    return task.getAssignee() == null ? List.of() : List.of(task.getAssignee());
  }

  private List<String> candidateGroups(Task task) {
    return system.run(() -> taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList());
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
