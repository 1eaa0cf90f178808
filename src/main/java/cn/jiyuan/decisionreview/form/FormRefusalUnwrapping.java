package cn.jiyuan.decisionreview.form;

import cn.jiyuan.decisionreview.shared.AuditAction;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task or execution listener (ENGINE-03051). A form refusal
 * thrown there must reach the caller as what it is — a {@link FormFieldValidationException} — so that
 * the engine REST API and the webapps' API answer 400 with the Chinese message instead of a 500. This
 * interceptor sits outside the transaction, so the work is already rolled back when it unwraps.
 *
 * <p>There, too, a refused task completion is written to the audit trail (Art. 24), in a transaction of its own: the
 * process is unchanged, and the attempt is kept.
 */
@Component
public class FormRefusalUnwrapping extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(FormRefusalUnwrapping.class);

  private final ObjectProvider<AuditRecords> audit;

  public FormRefusalUnwrapping(ObjectProvider<AuditRecords> audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Unwrapper(this, configuration));
  }

  static final class Unwrapper extends CommandInterceptor {
    /** Nested commands pass through here too; only the outermost records the refusal. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final FormRefusalUnwrapping plugin;
    private final ProcessEngineConfigurationImpl configuration;

    Unwrapper(FormRefusalUnwrapping plugin, ProcessEngineConfigurationImpl configuration) {
      this.plugin = plugin;
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        FormFieldValidationException refusal = find(e);
        if (refusal != null) {
          RefusalDetails.record(refusal);
          if (depth[0] == 1) {
            plugin.recordRefusal(configuration, command, refusal);
          }
        }
        throw refusal != null ? refusal : e;
      } finally {
        depth[0]--;
      }
    }
  }

  /** Never lets the audit write change the answer: the caller still gets the refusal. */
  void recordRefusal(ProcessEngineConfigurationImpl configuration, Command<?> command, FormFieldValidationException refusal) {
    String taskId;
    Map<String, ?> submitted;
    if (command instanceof SubmitTaskFormCmd) {
      taskId = (String) FormSubmissionGuard.read(command, "taskId");
      submitted = cast(FormSubmissionGuard.read(command, "properties"));
    } else if (command instanceof CompleteTaskCmd) {
      taskId = (String) FormSubmissionGuard.read(command, "taskId");
      submitted = cast(FormSubmissionGuard.read(command, "variables"));
    } else {
      return;
    }
    AuditRecords records = audit.getIfAvailable();
    if (records == null || taskId == null) {
      return;
    }
    try {
      Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
      TaskEntity task = configuration.getCommandExecutorTxRequired()
          .execute(ctx -> ctx.runWithoutAuthorization(() -> ctx.getTaskManager().findTaskById(taskId)));
      if (task == null || task.getProcessInstanceId() == null) {
        return;
      }
      String fields = submitted == null || submitted.isEmpty() ? "无" : String.join("、", submitted.keySet());
      records.recordSeparately(task.getProcessInstanceId(), caller == null ? null : caller.getUserId(),
          AuditAction.TASK_REFUSED, task.getName(), "提交“" + task.getName() + "”被拒绝，任务未办结，流程未改变。拒绝理由："
              + refusal.getMessage() + "（提交的数据项：" + fields + "）");
    } catch (RuntimeException e) {
      LOG.warn("被拒绝的提交未能记入审计记录（任务 {}）", taskId, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
  }

  static FormFieldValidationException find(Throwable t) {
    for (Throwable cause = t; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
