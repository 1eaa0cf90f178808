package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

/**
 * What tracking's code relies on in its models, checked on the files as Modeler saves them: behaviour keys on
 * extension properties and event definitions, never on element ids, and every async boundary retries.
 */
class TrackingModelTest {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  static BpmnModelInstance model(String file) {
    return Bpmn.readModelFromFile(new File("processes/" + file));
  }

  @Test
  void everyEventThatCatchesARequestSaysWhatBecomesOfIt() {
    BpmnModelInstance tracking = model("decision-tracking.bpmn");
    int catching = 0;
    for (CatchEvent event : tracking.getModelElementsByType(CatchEvent.class)) {
      for (MessageEventDefinition definition : event.getChildElementsByType(MessageEventDefinition.class)) {
        Message message = definition.getMessage();
        if (message != null && TrackingVariables.MESSAGE_EVALUATION_REQUESTED.equals(message.getName())) {
          catching++;
          // boundary events catch it while an evaluation runs or tracking is suspended: merged, never started twice
          String expected = event instanceof BoundaryEvent ? "MERGED" : "STARTED";
          assertThat(ModelProperties.of(event, TrackingVariables.PROPERTY_REQUEST_HANDLING)).as(event.getId())
              .isEqualTo(expected);
        }
      }
    }
    assertThat(catching).isEqualTo(4);
  }

  @Test
  void theProcessSendsNoMessageToItself() {
    Collection<Message> messages = model("decision-tracking.bpmn").getModelElementsByType(Message.class);
    assertThat(messages).extracting(Message::getName).containsExactly(TrackingVariables.MESSAGE_EVALUATION_REQUESTED);
  }

  @Test
  void everyAsyncBoundaryRetriesThreeTimesFiveMinutesApart() {
    for (String file : new String[] {"decision-tracking.bpmn", "evaluation-request.bpmn"}) {
      int boundaries = 0;
      for (FlowNode node : model(file).getModelElementsByType(FlowNode.class)) {
        if ("true".equals(node.getAttributeValueNs(CAMUNDA, "asyncBefore"))
            || "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncAfter"))) {
          boundaries++;
          assertThat(node.getExtensionElements()).as(node.getId()).isNotNull();
          assertThat(node.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
              .singleResult().getTextContent()).as(node.getId()).isEqualTo("R3/PT5M");
        }
      }
      assertThat(boundaries).as(file).isPositive();
    }
  }
}
