package cn.jiyuan.decisionreview.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/**
 * The guard reads what a caller sent from the engine's command objects. An engine upgrade that renames one of
 * these fields must fail here, not let submissions through unchecked in production.
 */
class FormSubmissionGuardTest {

  private static final Map<String, Object> VARS = Map.of("evaluatorGroup", "exec-fgw");

  @Test
  void theTaskCommandsCarryTheirTaskAndVariables() {
    for (Object command : new Object[] {new CompleteTaskCmd("t1", VARS), new ResolveTaskCmd("t1", VARS),
        new HandleTaskBpmnErrorCmd("t1", "E", "m", VARS), new HandleTaskEscalationCmd("t1", "E", VARS)}) {
      assertThat(FormSubmissionGuard.read(command, "taskId")).as(command.getClass().getSimpleName()).isEqualTo("t1");
      assertThat(FormSubmissionGuard.read(command, "variables")).asInstanceOf(MAP).containsEntry("evaluatorGroup", "exec-fgw");
    }
    SubmitTaskFormCmd submit = new SubmitTaskFormCmd("t1", VARS, false, false);
    assertThat(FormSubmissionGuard.read(submit, "taskId")).isEqualTo("t1");
    assertThat(FormSubmissionGuard.read(submit, "properties")).asInstanceOf(MAP).containsEntry("evaluatorGroup", "exec-fgw");
  }

  @Test
  void theStartCommandsCarryTheirDefinitionAndVariables() {
    SubmitStartFormCmd submit = new SubmitStartFormCmd("pd1", null, VARS);
    assertThat(FormSubmissionGuard.read(submit, "processDefinitionId")).isEqualTo("pd1");
    assertThat(FormSubmissionGuard.read(submit, "variables")).asInstanceOf(MAP).containsEntry("evaluatorGroup", "exec-fgw");

    ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl)
        ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "evaluation-request").setVariables(VARS);
    StartProcessInstanceCmd start = new StartProcessInstanceCmd(builder);
    assertThat(((ProcessInstantiationBuilderImpl) FormSubmissionGuard.read(start, "instantiationBuilder")).getVariables())
        .containsEntry("evaluatorGroup", "exec-fgw");
  }

  @Test
  void whoDidItVariablesAreTheProcessInitiator() {
    org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity request =
        new org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity();
    request.setProperty(org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME,
        "requestedBy");
    assertThat(FormSubmissionGuard.serverOwned(request)).containsExactly("requestedBy");
    assertThat(FormSubmissionGuard.serverOwned(new org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity()))
        .isEmpty();
  }
}
