package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** taskDeadline (DESIGN.md §5): the defaults DESIGN names, a row for every user task, a sensible default. */
class TaskDeadlineDmnTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn/taskDeadline.dmn"))) {
      decision = engine.parseDecision("taskDeadline", in);
    }
  }

  static Map<String, Object> evaluate(String taskKey) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("taskKey", taskKey));
    return result.getSingleResult().getEntryMap();
  }

  @ParameterizedTest(name = "{0}: {1} working days, reminder {2} before")
  @CsvSource({
      "Task_SupplyMaterials,10,2", "Task_DraftPlan,15,3", "Task_ExpertOpinion,10,2",
      "Task_AuthorityApproval,20,3", "Task_Mitigation,15,3"})
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
    assertThat(evaluate("Task_ReportHalfProgress")).containsEntry("workingDays", null);
    assertThat(evaluate("Task_Resume")).containsEntry("workingDays", null);
    assertThat(evaluate("Task_Unknown")).containsEntry("workingDays", 10).containsEntry("reminderWorkingDays", 2);
  }

  @Test
  void everyRuleCitesItsReason() throws Exception {
    String xml = Files.readString(Path.of("dmn/taskDeadline.dmn"));
    long rules = xml.split("<rule ").length - 1;
    long described = xml.split("<rule id=\"[^\"]+\"><description>").length - 1;
    assertThat(described).isEqualTo(rules).isGreaterThan(20);
  }

  private static boolean matchedRuleIsDefault(String taskKey) {
    // The default row's outputs are 10/2; a task that shares them must still have its own row.
    String xml;
    try {
      xml = Files.readString(Path.of("dmn/taskDeadline.dmn"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return !xml.contains("<text>\"" + taskKey + "\"</text>");
  }

}
