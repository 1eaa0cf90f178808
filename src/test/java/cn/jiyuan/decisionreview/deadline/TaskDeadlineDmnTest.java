package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.support.DmnTableTest;
import cn.jiyuan.decisionreview.tracking.TrackingElements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** taskDeadline (DESIGN.md §5): the defaults DESIGN names, a row for every user task, a sensible default. */
class TaskDeadlineDmnTest extends DmnTableTest {

  /** A task key no process has: the table's default row. */
  private static final String NO_SUCH_TASK = "Task_Unknown";

  TaskDeadlineDmnTest() {
    super("taskDeadline.dmn", "taskDeadline");
  }

  @Override
  protected Contract contract() {
    return table("任务办理期限（工作日）")
        .hitPolicy(HitPolicy.FIRST)
        .inputs("taskKey").inputTypes("string")
        .outputs("workingDays", "reminderWorkingDays").outputTypes("integer", "integer")
        // every row says why (an article, or for the default row that it is the default)
        .citing("\\S");
  }

  /** Every user task of every process, and one no process has (the default row). */
  @Override
  protected Stream<VariableMap> rowInputs() {
    return Stream.concat(userTaskKeys().stream(), Stream.of(NO_SUCH_TASK))
        .map(taskKey -> Variables.createVariables().putValue("taskKey", taskKey));
  }

  Map<String, Object> evaluate(String taskKey) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("taskKey", taskKey));
    return result.getSingleResult().getEntryMap();
  }

  @ParameterizedTest(name = "{0}: {1} working days, reminder {2} before")
  @CsvSource({
      TaskKeys.SUPPLY_MATERIALS + ",10,2", TaskKeys.DRAFT_PLAN + ",15,3", TaskKeys.EXPERT_OPINION + ",10,2",
      TaskKeys.AUTHORITY_APPROVAL + ",20,3", TaskKeys.MITIGATION + ",15,3"})
  void designDefaults(String taskKey, int days, int reminder) {
    assertThat(evaluate(taskKey)).containsEntry("workingDays", days).containsEntry("reminderWorkingDays", reminder);
  }

  @Test
  void everyUserTaskOfEveryProcessHasItsOwnRow() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
          DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
              Variables.createVariables().putValue("taskKey", task.getId()));
          assertThat(result.getSingleResult().getEntryMap()).as(task.getId()).isNotNull();
          assertThat(matchedRuleIsDefault(task.getId())).as(file + " " + task.getId() + " has its own row").isFalse();
        }
      }
    }
  }

  @Test
  void tasksWaitingForAnEventHaveNoDeadlineAndUnknownTasksGetTheDefault() {
    assertThat(evaluate(TrackingElements.REPORT_HALF_PROGRESS)).containsEntry("workingDays", null);
    assertThat(evaluate(TrackingElements.RESUME)).containsEntry("workingDays", null);
    assertThat(evaluate(NO_SUCH_TASK)).containsEntry("workingDays", 10).containsEntry("reminderWorkingDays", 2);
  }

  @Test
  void everyRuleCitesItsReason() throws Exception {
    String xml = Files.readString(file);
    long rules = xml.split("<rule ").length - 1;
    long described = xml.split("<rule id=\"[^\"]+\"><description>").length - 1;
    assertThat(described).isEqualTo(rules).isGreaterThan(20);
  }

  private boolean matchedRuleIsDefault(String taskKey) {
    // The default row's outputs are 10/2; a task that shares them must still have its own row.
    String xml;
    try {
      xml = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return !xml.contains("<text>\"" + taskKey + "\"</text>");
  }

  private static List<String> userTaskKeys() {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn"))
          .flatMap(f -> Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(UserTask.class).stream())
          .map(UserTask::getId).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
