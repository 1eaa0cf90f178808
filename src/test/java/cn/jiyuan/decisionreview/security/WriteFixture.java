package cn.jiyuan.decisionreview.security;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * One process instance with something of every kind a user could write to: a task of an executing unit, a
 * timer job, a message subscription, an external task and an incident. Started by the engine itself (no user).
 */
record WriteFixture(String processInstanceId, String businessKey, String taskId, String jobId, String jobDefinitionId,
    String externalTaskId, String incidentId, String messageExecutionId) {

  static final String PROCESS = "it-write-fixture";
  static final String MESSAGE = "ItWriteFixtureMessage";
  static final String TOPIC = "it-write-fixture";
  /** The user task other tests cancel or move by its id. */
  static final String UNIT_TASK = "Task_Unit";

  static WriteFixture start(ProcessEngine engine, String unitGroup) {
    deploy(engine);
    String businessKey = "it-" + java.util.UUID.randomUUID();
    String pid = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS, businessKey, Map.of("unit", unitGroup, "note", "原始值")).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pid).singleResult();
    String external = engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(pid).singleResult().getId();
    Execution waiting = engine.getRuntimeService().createExecutionQuery().processInstanceId(pid)
        .messageEventSubscriptionName(MESSAGE).singleResult();
    String incident = engine.getRuntimeService().createIncident("it-custom", waiting.getId(), "it", "测试事件").getId();
    return new WriteFixture(pid, businessKey, task, job.getId(), job.getJobDefinitionId(), external, incident, waiting.getId());
  }

  /** Locks this fixture's external task for the worker, as a worker would, so that only authorization remains in the way. */
  void lockExternalTask(ProcessEngine engine, String workerId) {
    engine.getExternalTaskService().fetchAndLock(10, workerId).topic(TOPIC, 600_000).businessKey(businessKey).execute();
  }

  private static synchronized void deploy(ProcessEngine engine) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
      return;
    }
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .parallelGateway("Fork")
          .userTask(UNIT_TASK).name("单位任务").camundaCandidateGroups("${unit}").endEvent("End_Task")
        .moveToNode("Fork")
          .intermediateCatchEvent("Timer_Wait").timerWithDuration("P1D").endEvent("End_Timer")
        .moveToNode("Fork")
          .intermediateCatchEvent("Message_Wait").message(MESSAGE).endEvent("End_Message")
        .moveToNode("Fork")
          .serviceTask("External_Work").camundaExternalTask(TOPIC).endEvent("End_External")
        .done();
    engine.getRepositoryService().createDeployment().name("it-write-fixture").addModelInstance(PROCESS + ".bpmn", model)
        .deploy();
  }
}
