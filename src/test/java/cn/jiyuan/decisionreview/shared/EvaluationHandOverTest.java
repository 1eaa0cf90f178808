package cn.jiyuan.decisionreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.tracking.TrackingElements;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.Test;

/**
 * The call activity in decision-tracking passes exactly the variables {@link EvaluationHandOver} declares: an analyst
 * who adds a mapping in Modeler, or a developer who adds a constant, is told here that the other side must follow.
 */
class EvaluationHandOverTest {

  @Test
  void theCallActivityMapsExactlyTheDeclaredHandOver() {
    CallActivity call = Bpmn.readModelFromFile(new File("processes/decision-tracking.bpmn"))
        .getModelElementById(TrackingElements.POST_EVALUATION);
    Set<String> mapped = new HashSet<>();
    for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
      if (in.getCamundaSource() != null) {
        mapped.add(in.getCamundaSource());
        assertThat(in.getCamundaTarget()).as("passed in under its own name").isEqualTo(in.getCamundaSource());
      }
    }
    for (CamundaOut out : call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list()) {
      mapped.add(out.getCamundaSource());
      assertThat(out.getCamundaTarget()).as("taken back under its own name").isEqualTo(out.getCamundaSource());
    }
    // not mapped: tracking sets the first on the running evaluation (Art. 18); each side records its own start date
    Set<String> setDirectly = Set.of(EvaluationHandOver.AUTHORITY_ATTENTION.name(),
        EvaluationHandOver.EVALUATION_STARTED_DATE.name());
    Set<String> declared = new HashSet<>(declaredNames());
    declared.removeAll(setDirectly);
    assertThat(mapped).containsExactlyInAnyOrderElementsOf(declared);
  }

  private static Set<String> declaredNames() {
    return new HashSet<>(Arrays.stream(EvaluationHandOver.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers())).flatMap(EvaluationHandOverTest::nameOf).toList());
  }

  private static Stream<String> nameOf(Field field) {
    try {
      Object value = field.get(null);
      return Stream.of(value instanceof ProcessVariable<?> v ? v.name() : (String) value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
