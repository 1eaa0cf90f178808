package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationHandOver;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ProcessPhases;
import cn.jiyuan.decisionreview.shared.RuntimeQueries;
import cn.jiyuan.decisionreview.shared.RuntimeQueries.Candidate;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The overdue list (督办): open tasks past their due date, with the decision, the responsible
 * unit and how many working days late. Supervisors and the legal office see all; others their own. The decision's
 * title and the evaluation's phase (准备/实施/结论形成…, {@link ProcessPhases}) come with each entry.
 *
 * <p>A fixed number of queries whatever the number of tasks: the tasks (visibility in the query itself), then their
 * candidates, process instances and titles in chunks of {@link RuntimeQueries#CHUNK} ids, and each unit's name once.
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
  private final RuntimeQueries queries;

  public OverdueTasks(TaskService taskService, RuntimeService runtimeService, WorkingDayCalendar calendar,
      Directory directory, SystemCalls system, BeijingClock clock, ProcessPhases phases, RuntimeQueries queries) {
    this.phases = phases;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.directory = directory;
    this.system = system;
    this.clock = clock;
    this.queries = queries;
  }

  public List<Map<String, Object>> list(CurrentUser user) {
    Date now = Date.from(clock.instant());
    LocalDate today = clock.today();
    return system.run(() -> {
      List<Task> tasks = visible(taskService.createTaskQuery().dueBefore(now).active(), user)
          .orderByDueDate().asc().list();
      List<String> taskIds = tasks.stream().map(Task::getId).toList();
      List<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
          .toList();
      Map<String, List<Candidate>> candidates = queries.candidates(taskIds);
      Map<String, String> numbers = businessKeys(instanceIds);
      Map<String, String> titles = titles(instanceIds);
      Map<String, String> names = new HashMap<>();
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Task task : tasks) {
        List<String> groups = candidates.getOrDefault(task.getId(), List.of()).stream().map(Candidate::groupId)
            .filter(Objects::nonNull).toList();
        LocalDate due = task.getDueDate().toInstant().atZone(BeijingClock.ZONE).toLocalDate();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("taskId", task.getId());
        entry.put("taskName", task.getName());
        entry.put("decisionNumber", numbers.get(task.getProcessInstanceId()));
        entry.put("decisionTitle", titles.get(task.getProcessInstanceId()));
        ProcessPhases.Phase phase = phases.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        entry.put("phase", phase == null ? null : phase.code());
        entry.put("phaseLabel", phase == null ? null : phase.label());
        entry.put("unit", groups.isEmpty()
            ? names.computeIfAbsent("user:" + task.getAssignee(), k -> directory.userName(task.getAssignee()))
            : groups.stream().map(g -> names.computeIfAbsent("group:" + g, k -> directory.groupName(g)))
                .collect(Collectors.joining("、")));
        entry.put("assignee", task.getAssignee());
        entry.put("dueDate", due.toString());
        entry.put("workingDaysOverdue", calendar.workingDaysBetween(due, today));
        entries.add(entry);
      }
      return entries;
    });
  }

  /** Everyone's for supervisors and the legal office; otherwise the user's own and their groups' (assigned or not). */
  private static TaskQuery visible(TaskQuery query, CurrentUser user) {
    if (user.groupIds().stream().anyMatch(SEE_ALL::contains)) {
      return query;
    }
    if (user.groupIds().isEmpty()) {
      return query.taskAssignee(user.userId());
    }
    return query.or().taskAssignee(user.userId()).taskCandidateGroupIn(List.copyOf(user.groupIds()))
        .includeAssignedTasks().endOr();
  }

  private Map<String, String> businessKeys(List<String> instanceIds) {
    Map<String, String> keys = new HashMap<>();
    for (List<String> chunk : RuntimeQueries.chunks(instanceIds)) {
      for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(chunk))
          .list()) {
        keys.put(pi.getId(), pi.getBusinessKey());
      }
    }
    return keys;
  }

  /** The decision titles of the tasks' process instances. */
  private Map<String, String> titles(List<String> instanceIds) {
    Map<String, String> titles = new HashMap<>();
    for (List<String> chunk : RuntimeQueries.chunks(instanceIds)) {
      for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(chunk
          .toArray(String[]::new)).variableName(EvaluationHandOver.DECISION_TITLE.name()).list()) {
        if (v.getProcessInstanceId().equals(v.getExecutionId())) {
          titles.put(v.getProcessInstanceId(), FormValues.text(v.getValue()));
        }
      }
    }
    return titles;
  }
}
