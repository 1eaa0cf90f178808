package cn.jiyuan.decisionreview.form;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A person writes process variables only through a form, and only what that form declares.
 *
 * <p>A command interceptor inside the engine's command context looks at every command a caller outside the engine
 * runs for an authenticated user — from /engine-rest, Tasklist's /camunda/api/engine, or Java code that set an
 * authentication — before the command itself runs:
 * <ul>
 *   <li>completing a task with variables (complete, resolve, submit-form, BPMN error or escalation from the task) and
 *       starting a process with variables (start, submit-form): the variables must be declared by the task's or the
 *       start event's deployed form ({@link DeployedForms}), must not be variables the server records itself (the
 *       process's {@code camunda:initiator} variable), and their text must respect the
 *       form's length limits and contain no control characters ({@link FormSubmissionRules});</li>
 *   <li>starting a process at chosen activities (start instructions, which may also skip listeners) needs only start
 *       permission in Camunda, and so would a message or signal start event; starting at activities, messages and
 *       signals are kept for {@code camunda-admin}.</li>
 * </ul>
 * Everything else that writes variables (task, execution and process-instance variables, modification) needs UPDATE
 * permissions only {@code camunda-admin} has ({@code FormSubmissionIT} verifies it). Work the engine does itself — delegates and listeners
 * (nested commands), timers and jobs, calls without an authenticated user — is not inspected. A refusal is thrown
 * before the command runs, so nothing is written and the task stays open.
 */
@Component
public class FormSubmissionGuard extends AbstractProcessEnginePlugin {

  static final String START_AT_ACTIVITY_REFUSED = "只能通过开始表单发起流程，不能指定从流程中的某一环节开始";
  static final String EVENT_REFUSED = "流程只能通过任务表单和开始表单办理，不能直接发送消息或信号";

  private final DeployedForms forms;

  public FormSubmissionGuard(DeployedForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard(this));
  }

  static final class Guard extends CommandInterceptor {
    /** Commands of this thread in progress: only the outermost one comes from outside the engine. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final FormSubmissionGuard guard;

    Guard(FormSubmissionGuard guard) {
      this.guard = guard;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      boolean outermost = depth[0] == 0;
      depth[0]++;
      try {
        if (outermost) {
          guard.inspect(Context.getCommandContext(), command);
        }
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
  }

  void inspect(CommandContext context, Command<?> command) {
    if (context == null || context.getAuthenticatedUserId() == null) {
      return;
    }
    if (command instanceof ResolveTaskCmd || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd) {
      // The REST API answers these with 400 only for a BadUserRequestException (a form refusal would be a 500).
      try {
        task(context, (String) read(command, "taskId"), map(read(command, "variables")));
      } catch (FormFieldValidationException refusal) {
        throw new BadUserRequestException(refusal.getMessage());
      }
    } else if (command instanceof CompleteTaskCmd) {
      task(context, (String) read(command, "taskId"), map(read(command, "variables")));
    } else if (command instanceof SubmitTaskFormCmd) {
      task(context, (String) read(command, "taskId"), map(read(command, "properties")));
    } else if (command instanceof SubmitStartFormCmd) {
      String id = (String) read(command, "processDefinitionId");
      ProcessDefinitionEntity definition = null;
      try {
        definition = context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id);
      } catch (RuntimeException e) {
        // an unknown id: the command reports it itself
      }
      start(context, definition, map(read(command, "variables")));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
      start(context, new GetDeployedProcessDefinitionCmd(builder, false).execute(context), builder.getVariables());
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      if (!isAdmin(context)) {
        throw new AuthorizationException(START_AT_ACTIVITY_REFUSED);
      }
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
        || command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
        || command instanceof SignalCmd) {
      // Messages and signals carry variables past every form, and a message or signal start event would need
      // only start permission. Staff never send them; the processes send them to each other (nested commands).
      if (!isAdmin(context)) {
        throw new AuthorizationException(EVENT_REFUSED);
      }
    }
  }

  private static boolean isAdmin(CommandContext context) {
    return context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
  }

  private void task(CommandContext context, String taskId, Map<String, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command reports the missing task itself
    }
    // The command's own permission check first: someone who may not work on the task learns nothing about its form.
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    FormSubmissionRules.check(variables, forms.ofTask(context, task), serverOwned(task.getProcessDefinition()))
        .throwIfAny();
  }

  private void start(CommandContext context, ProcessDefinitionEntity definition, Map<String, ?> variables) {
    if (definition == null || variables == null || variables.isEmpty()) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    FormSubmissionRules.check(variables, forms.ofStart(context, definition), serverOwned(definition)).throwIfAny();
  }

  static Set<String> serverOwned(ProcessDefinitionEntity definition) {
    // Who started a process is its camunda:initiator variable (evaluation-request's requestedBy), set by the engine
    // from the authenticated user; other who-did-it records (a material's uploadedBy, a sanction's recorded_by, the
    // expert of an opinion) are written by the server, never taken from variables.
    Set<String> owned = new HashSet<>();
    if (definition != null && definition.getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME) instanceof String initiator) {
      owned.add(initiator);
    }
    return owned;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object value) {
    return (Map<String, ?>) value;
  }

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  /**
   * The engine's commands keep what the caller sent in protected fields without getters. Read reflectively;
   * {@code FormSubmissionGuardTest} fails on an engine upgrade that renames one, rather than production.
   */
  static Object read(Object command, String name) {
    Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, k -> find(command.getClass(), name));
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("engine command " + type.getName() + " has no field " + name);
  }
}
