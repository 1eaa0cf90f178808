package cn.jiyuan.decisionreview.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The four shared Tasklist filters, readable by every staff group. Expressions are stored queries, evaluated per
 * user when Tasklist runs the filter. A filter that already exists under its name keeps its id (and so its
 * grants) but gets this class's query and properties whenever they differ, so that a database seeded by an
 * earlier version is brought up to date on the next start.
 */
@Component
public class TasklistFilterSeeder {

  public static final String MY_TASKS = "我的待办";
  public static final String UNIT_TASKS = "本单位待办";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已逾期";

  /**
   * Lines on every task card, under the task and process name, so a civil servant sees which decision a task
   * is about. Tasklist leaves out a line whose variable the task cannot see (e.g. the agency register).
   */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "decisionNumber", "label", "决策文号"),
      Map.of("name", "decisionTitle", "label", "决策名称"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationSeeder authorizations;

  public TasklistFilterSeeder(FilterService filterService, TaskService taskService, AuthorizationSeeder authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  /** @return how many filters were created or brought up to date (0 when all were as they should be) */
  public int seed() {
    AuthorizationSeeder.Grants grants = authorizations.grantsOf(authorizations.staffGroups());
    int changed = 0;
    // Where every user lands: what they can take now — their own tasks, and unclaimed tasks offered to them
    // or to one of their groups. Tasks a colleague has claimed are left to 本单位待办.
    changed += ensure(grants, MY_TASKS, -10, "#2b7ec1", "分配给我本人的任务，以及我或本单位可以认领的任务",
        q -> q.or()
            .taskAssigneeExpression("${currentUser()}")
            // candidate user before candidate groups: the engine refuses the other order even inside or()
            .taskCandidateUserExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr()
            .orderByDueDate().asc());
    changed += ensure(grants, UNIT_TASKS, -5, "#3a9a5b", "本单位（候选组）可办理的任务，含已被同事认领的",
        q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    changed += ensure(grants, DUE_SOON, 0, "#e39b1b", "三日内到期、尚未逾期的任务",
        q -> q.dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
            .orderByDueDate().asc());
    changed += ensure(grants, OVERDUE, 5, "#c0392b", "已超过到期日仍未办结的任务（督办）",
        q -> q.dueBeforeExpression("${now()}").orderByDueDate().asc());
    return changed;
  }

  private int ensure(AuthorizationSeeder.Grants grants, String name, int priority, String color, String description, Consumer<TaskQuery> query) {
    TaskQuery taskQuery = taskService.createTaskQuery();
    query.accept(taskQuery);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", LIST_VARIABLES);
    Filter wanted = filterService.newTaskFilter(name).setQuery(taskQuery).setProperties(properties);

    int changed = 0;
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.saveFilter(wanted);
      changed = 1;
    } else if (!sameJson(filter, wanted)) {
      filter.setQuery(taskQuery);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
      changed = 1;
    }
    for (String group : authorizations.staffGroups()) {
      grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    return changed;
  }

  /**
   * Compares the JSON the engine stores, as JSON trees: the stored properties come back with their keys in another
   * order, which must not count as a change.
   */
  private static boolean sameJson(Filter stored, Filter wanted) {
    FilterEntity a = (FilterEntity) stored;
    FilterEntity b = (FilterEntity) wanted;
    return tree(a.getQueryInternal()).equals(tree(b.getQueryInternal()))
        && tree(a.getPropertiesInternal()).equals(tree(b.getPropertiesInternal()));
  }

  private static JsonNode tree(String json) {
    try {
      return json == null ? MissingNode.getInstance() : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance(); // unreadable: differs from what we want, so it is rewritten
    }
  }
}
