package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * What the post-evaluation model must say explicitly, so that an analyst editing it in Modeler sees (and cannot
 * silently break) it: the form rules of each user task, and the transaction boundaries with their retries.
 */
class PostEvaluationModelTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/post-evaluation.bpmn"));

  private static final Set<String> RULE_SETS = Set.of(TaskKeys.DETERMINE_METHOD, TaskKeys.SELECT_AGENCY,
      TaskKeys.FORM_TEAM, TaskKeys.DRAFT_PLAN, TaskKeys.APPROVE_PLAN, TaskKeys.DESIGN_SURVEY, TaskKeys.SUPPLY_MATERIALS,
      TaskKeys.RECORD_CONSULTATIONS, TaskKeys.ANALYSIS, TaskKeys.REVIEW_DRAFT, TaskKeys.SELECT_EXPERTS,
      TaskKeys.EXPERT_OPINION, TaskKeys.FINALIZE_REPORT, TaskKeys.AUTHORITY_APPROVAL, TaskKeys.MITIGATION,
      TaskKeys.RE_DECISION);

  @Test
  void everyUserTaskNamesItsFormRulesAndAppliesThemFirst() {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(TaskKeys.ruleSet(task)).as(task.getId() + " declares formRules").isIn(RULE_SETS);
      List<String> onComplete = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
          .list().stream().filter(l -> "complete".equals(l.getCamundaEvent()))
          .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
      assertThat(onComplete).as(task.getId() + ": the form rules run before any step bean").first()
          .isEqualTo("${evaluationFormRules}");
    }
    assertThat(TaskKeys.ruleSet(model, TaskKeys.ANALYSIS_SIMPLIFIED)).isEqualTo(TaskKeys.ANALYSIS);
  }

  @Test
  void machineWorkAfterAPersonsStepRunsBehindAnAsyncBoundaryWithThreeRetries() {
    Set<String> boundaries = model.getModelElementsByType(FlowNode.class).stream()
        .filter(FlowNode::isCamundaAsyncBefore).map(FlowNode::getId).collect(Collectors.toSet());
    assertThat(boundaries).containsExactlyInAnyOrder(TaskKeys.NOTIFY_EVALUATION_STARTED, TaskKeys.WEIGHTED_SCORE,
        TaskKeys.WEIGHTED_SCORE_SIMPLIFIED, TaskKeys.GENERATE_DRAFT, TaskKeys.GENERATE_FINAL, TaskKeys.RECORD_APPROVAL,
        TaskKeys.ARCHIVE, TaskKeys.END_COMPLETED, TaskKeys.AGGREGATE_SURVEY);
    for (String id : boundaries) {
      FlowNode node = model.getModelElementById(id);
      assertThat(node.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
          .singleResult().getTextContent()).as(id).isEqualTo("R3/PT5M");
    }
  }
}
