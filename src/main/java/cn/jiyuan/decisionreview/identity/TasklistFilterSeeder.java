package cn.jiyuan.decisionreview.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The four shared Tasklist filters, readable by every staff group. Expressions are stored queries, evaluated per user. */
@Component
public class TasklistFilterSeeder {

  public static final String MY_TASKS = "我的待办";
  public static final String UNIT_TASKS = "本单位待办";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已逾期";

  /** Columns every filter shows in the task list, so a civil servant sees which decision a task is about. */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "decisionNumber", "label", "决策文号"),
      Map.of("name", "decisionTitle", "label", "决策名称"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationSeeder authorizations;

  public TasklistFilterSeeder(FilterService filterService, TaskService taskService, AuthorizationSeeder authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void seed() {
    ensure(MY_TASKS, -10, "#2b7ec1", "分配给我本人的任务",
        q -> q.taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(UNIT_TASKS, -5, "#3a9a5b", "本单位（候选组）可办理的任务，含已被同事认领的",
        q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(DUE_SOON, 0, "#e39b1b", "三日内到期、尚未逾期的任务",
        q -> q.dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
            .orderByDueDate().asc());
    ensure(OVERDUE, 5, "#c0392b", "已超过到期日仍未办结的任务（督办）",
        q -> q.dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String color, String description, Consumer<TaskQuery> query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      TaskQuery taskQuery = taskService.createTaskQuery();
      query.accept(taskQuery);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("variables", LIST_VARIABLES);
      filter = filterService.newTaskFilter(name).setQuery(taskQuery).setProperties(properties);
      filterService.saveFilter(filter);
    }
    for (String group : authorizations.staffGroups()) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
