package cn.jiyuan.decisionreview.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

/** annual-assessment (Art. 26): a January timer in Beijing time, the machine step behind its boundary, no manual start. */
class AnnualAssessmentModelTest {

  final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/annual-assessment.bpmn"));

  @Test
  void itStartsEveryJanuaryInBeijingTimeAndNotFromTasklist() {
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    assertThat(process.isCamundaStartableInTasklist()).isFalse();
    StartEvent start = model.getModelElementById(AnnualAssessmentElements.START_JANUARY);
    String cycle = ((TimerEventDefinition) start.getEventDefinitions().iterator().next()).getTimeCycle().getTextContent();
    String[] parts = cycle.split("/");
    assertThat(parts[0]).isEqualTo("R");
    assertThat(parts[2]).isEqualTo("P1Y");
    OffsetDateTime first = OffsetDateTime.parse(parts[1]);
    assertThat(first.getMonthValue()).isEqualTo(1);
    assertThat(first.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
  }

  @Test
  void onlyTheWorkbookIsMachineWorkBehindAnAsyncBoundaryWithRetries() {
    Set<String> async = model.getModelElementsByType(FlowNode.class).stream().filter(FlowNode::isCamundaAsyncBefore)
        .map(FlowNode::getId).collect(Collectors.toSet());
    assertThat(async).containsExactly(AnnualAssessmentElements.GENERATE_WORKBOOK);
    FlowNode generate = model.getModelElementById(AnnualAssessmentElements.GENERATE_WORKBOOK);
    assertThat(generate.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
        .singleResult().getTextContent()).isEqualTo("R3/PT5M");
    UserTask submit = model.getModelElementById(AnnualAssessmentElements.SUBMIT);
    assertThat(submit.getCamundaCandidateGroups()).isEqualTo("legal-affairs");
    assertThat(submit.getCamundaFormRef()).isEqualTo("annual-assessment");
  }

  @Test
  void theSummaryLineNamesTheYear() {
    AssessmentReport empty = new AssessmentReport(2026, "2027-01-05T09:00:00+08:00", java.util.List.of(),
        java.util.List.of());
    assertThat(AnnualAssessmentSteps.summary(empty)).startsWith("2026 年度共 0 个执行单位、0 项决策在跟踪");
    assertThat(AnnualAssessmentSteps.workbookUrl("pi-1"))
        .isEqualTo("/camunda/api/engine/engine/default/process-instance/pi-1/variables/assessmentWorkbook/data");
  }
}
