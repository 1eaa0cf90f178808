package cn.jiyuan.decisionreview.tracking;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the {@code camunda:property} extension properties of a BPMN element: behaviour that depends on what an
 * element is keys on these (visible and editable in Modeler's "Extension properties"), never on its id.
 */
public final class ModelProperties {

  private ModelProperties() {}

  /** The value of the named property, or {@code null} when the element has none. */
  public static String of(ModelElementInstance element, String name) {
    if (!(element instanceof BaseElement base)) {
      return null;
    }
    ExtensionElements extensions = base.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }
}
