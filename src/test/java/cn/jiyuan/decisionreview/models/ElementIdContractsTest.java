package cn.jiyuan.decisionreview.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.assessment.AnnualAssessmentElements;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.tracking.RequestElements;
import cn.jiyuan.decisionreview.tracking.TrackingElements;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element-id contract classes and the BPMN agree: an analyst who renames an element in Modeler without updating
 * the class (or adds a user task without declaring it) fails this test instead of silently breaking code, the
 * deadline table's rows or the tests that name the element.
 */
class ElementIdContractsTest {

  static Stream<Arguments> contracts() {
    return Stream.of(Arguments.of(TaskKeys.class, "processes/post-evaluation.bpmn"),
        Arguments.of(TrackingElements.class, "processes/decision-tracking.bpmn"),
        Arguments.of(RequestElements.class, "processes/evaluation-request.bpmn"),
        Arguments.of(AnnualAssessmentElements.class, "processes/annual-assessment.bpmn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void everyDeclaredIdIsAnElementOfItsProcess(Class<?> contract, String file) throws Exception {
    assertThat(ids(contract)).as("ids declared by " + contract.getSimpleName()).isNotEmpty();
    assertThat(missing(contract, Path.of(file))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void everyUserTaskOfTheProcessIsDeclared(Class<?> contract, String file) throws Exception {
    List<String> userTasks = Bpmn.readModelFromFile(Path.of(file).toFile()).getModelElementsByType(UserTask.class)
        .stream().map(UserTask::getId).toList();
    assertThat(userTasks).isNotEmpty();
    assertThat(ids(contract).values()).containsAll(userTasks);
  }

  /** A contract whose id the model does not have, as after a rename in Modeler. */
  static final class Renamed {
    public static final String ANALYSIS = TaskKeys.ANALYSIS;
    public static final String GONE = "Task_AnalysisRenamed";
    public static final String FORM_RULES_PROPERTY = TaskKeys.FORM_RULES_PROPERTY;
  }

  @Test
  void aRenamedElementIsReportedAndExtensionPropertyNamesAreNotIds() throws Exception {
    assertThat(missing(Renamed.class, Path.of("processes/post-evaluation.bpmn")))
        .containsExactly("Renamed.GONE = Task_AnalysisRenamed is not an element of processes/post-evaluation.bpmn");
  }

  static List<String> missing(Class<?> contract, Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> missing = new ArrayList<>();
    ids(contract).forEach((name, id) -> {
      if (model.getModelElementById(id) == null) {
        missing.add(contract.getSimpleName() + "." + name + " = " + id + " is not an element of " + file);
      }
    });
    return missing;
  }

  /** The public String constants of a contract class; names ending in _PROPERTY name extension properties. */
  static Map<String, String> ids(Class<?> contract) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Field field : contract.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (field.getType() == String.class && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers) && !field.getName().endsWith("_PROPERTY")) {
        try {
          ids.put(field.getName(), (String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return ids;
  }
}
