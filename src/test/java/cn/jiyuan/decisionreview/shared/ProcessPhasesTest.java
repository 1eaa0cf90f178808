package cn.jiyuan.decisionreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The phases read from the project's models, as 督办 and the overdue list show them. */
class ProcessPhasesTest {

  private static Map<String, ProcessPhases.Phase> phases(String process) {
    return ProcessPhases.phases(Bpmn.readModelFromFile(new File("processes/" + process + ".bpmn")));
  }

  @Test
  void eachStepOfAnEvaluationHasItsPhase() {
    Map<String, ProcessPhases.Phase> phases = phases("post-evaluation");
    assertThat(phases.get("Task_DetermineMethod").label()).isEqualTo("评估启动");
    assertThat(phases.get("Task_SelectAgency").label()).isEqualTo("评估启动");
    assertThat(phases.get("Task_FormTeam").label()).isEqualTo("准备阶段");
    assertThat(phases.get("Task_ApprovePlan").code()).isEqualTo("PREPARATION");
    assertThat(phases.get("Task_SupplyMaterials").label()).isEqualTo("实施阶段");
    assertThat(phases.get("Task_CollectSurveyResponses").code()).isEqualTo("IMPLEMENTATION");
    assertThat(phases.get("Task_SupplyMaterialsSimplified").code()).isEqualTo("IMPLEMENTATION");
    assertThat(phases.get("Task_AnalysisSimplified").label()).isEqualTo("实施阶段（简易程序）");
    assertThat(phases.get("Task_ReviewDraft").label()).isEqualTo("结论形成阶段");
    assertThat(phases.get("Task_ExpertOpinion").code()).isEqualTo("CONCLUSION");
    assertThat(phases.get("Task_AuthorityApproval").code()).isEqualTo("CONCLUSION");
    assertThat(phases.get("Task_Mitigation").label()).isEqualTo("结果运用");
    assertThat(phases.get("Task_ReDecision").code()).isEqualTo("FOLLOW_UP");
    assertThat(phases.get("Task_Archive").code()).isEqualTo("FOLLOW_UP");
  }

  @Test
  void everyUserTaskOfBothProcessesIsPlaced() {
    for (String process : new String[] {"post-evaluation", "decision-tracking"}) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + process + ".bpmn"));
      Map<String, ProcessPhases.Phase> phases = ProcessPhases.phases(model);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(phases).as(process + " " + task.getId()).containsKey(task.getId());
      }
    }
    assertThat(phases("decision-tracking").values()).allSatisfy(p -> assertThat(p.label()).isEqualTo("决策跟踪"));
  }

  @Test
  void theSubprocessesThePhasesNameExist() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/post-evaluation.bpmn"));
    for (String id : new String[] {ProcessPhases.PREPARATION, ProcessPhases.IMPLEMENTATION, ProcessPhases.SIMPLIFIED,
        ProcessPhases.CONCLUSION}) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
  }
}
