package cn.jiyuan.decisionreview.support;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A one-task process owned by a unit's candidate group, for authorization tests that need "another unit's data". */
public final class TestProcesses {

  public static final String UNIT_TASK = "it-unit-task";

  private TestProcesses() {}

  public static ProcessInstance startUnitTask(ProcessEngine engine, String unitGroup, String businessKey) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(UNIT_TASK).count() == 0) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(UNIT_TASK)
          .camundaHistoryTimeToLive(1)
          .startEvent()
          .userTask("Task_Unit").name("单位任务").camundaCandidateGroups("${unit}")
          .endEvent()
          .done();
      engine.getRepositoryService().createDeployment().name("it").addModelInstance(UNIT_TASK + ".bpmn", model).deploy();
    }
    return engine.getRuntimeService().startProcessInstanceByKey(UNIT_TASK, businessKey,
        Map.of("unit", unitGroup, "secret", "仅限" + unitGroup + "查看的数据"));
  }
}
