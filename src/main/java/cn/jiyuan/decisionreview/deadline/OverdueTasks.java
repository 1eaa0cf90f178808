package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationHandOver;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ProcessPhases;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The overdue list (督办): open tasks past their due date, with the decision, the responsible
 * unit and how many working days late. Supervisors and the legal office see all; others their own. The decision's
 * title and the evaluation's phase (准备/实施/结论形成…, {@link ProcessPhases}) come with each entry.
 */
@Service
public class OverdueTasks {

  static final Set<String> SEE_ALL = Set.of(Groups.SUPERVISION_OFFICE, Groups.LEGAL_AFFAIRS, Groups.CAMUNDA_ADMIN);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final SystemCalls system;
  private final BeijingClock clock;
  private final ProcessPhases phases;

  public OverdueTasks(TaskService taskService, RuntimeService runtimeService, WorkingDayCalendar calendar,
      Directory directory, SystemCalls system, BeijingClock clock, ProcessPhases phases) {
    this.phases = phases;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.directory = directory;
    this.system = system;
    this.clock = clock;
  }

  public List<Map<String, Object>> list(CurrentUser user) {
    Date now = Date.from(clock.instant());
    LocalDate today = clock.today();
    return system.run(() -> {
      List<Map<String, Object>> entries = new ArrayList<>();
      List<Task> tasks = taskService.createTaskQuery().dueBefore(now).active().orderByDueDate().asc().list();
      Map<String, String> titles = titles(tasks);
      for (Task task : tasks) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
        boolean mine = user.userId().equals(task.getAssignee()) || groups.stream().anyMatch(user.groupIds()::contains);
        if (!mine && user.groupIds().stream().noneMatch(SEE_ALL::contains)) {
          continue;
        }
        LocalDate due = task.getDueDate().toInstant().atZone(BeijingClock.ZONE).toLocalDate();
        ProcessInstance pi = task.getProcessInstanceId() == null ? null
            : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("taskId", task.getId());
        entry.put("taskName", task.getName());
        entry.put("decisionNumber", pi == null ? null : pi.getBusinessKey());
        entry.put("decisionTitle", titles.get(task.getProcessInstanceId()));
        ProcessPhases.Phase phase = phases.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        entry.put("phase", phase == null ? null : phase.code());
        entry.put("phaseLabel", phase == null ? null : phase.label());
        entry.put("unit", groups.isEmpty() ? directory.userName(task.getAssignee())
            : groups.stream().map(directory::groupName).collect(Collectors.joining("、")));
        entry.put("assignee", task.getAssignee());
        entry.put("dueDate", due.toString());
        entry.put("workingDaysOverdue", calendar.workingDaysBetween(due, today));
        entries.add(entry);
      }
      return entries;
    });
  }

  /** The decision titles of the tasks' process instances, in one query. */
  private Map<String, String> titles(List<Task> tasks) {
    String[] instances = tasks.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull).distinct()
        .toArray(String[]::new);
    Map<String, String> titles = new HashMap<>();
    if (instances.length == 0) {
      return titles;
    }
    for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(instances)
        .variableName(EvaluationHandOver.DECISION_TITLE.name()).list()) {
      if (v.getProcessInstanceId().equals(v.getExecutionId())) {
        titles.put(v.getProcessInstanceId(), FormValues.text(v.getValue()));
      }
    }
    return titles;
  }
}
