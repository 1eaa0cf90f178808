package cn.jiyuan.decisionreview.audit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstancesBulkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Art. 24: the history the audit trail is made of cannot be removed through an API. In Camunda 7 CE whoever holds
 * DELETE_HISTORY — the administrator holds everything — may delete historic instances, variables, tasks, user
 * operation log entries and decision instances, cascade-delete a deployment with its history, shorten a
 * definition's history time to live or set removal times. Unless {@code decision-review.history.deletion-allowed},
 * these commands are refused for every authenticated caller (both REST APIs, the webapps, Java code acting for a
 * user) before they run. The engine's own work runs without a user and is not affected: the history cleanup still
 * removes history once its time to live has passed, and {@link HistoryRetention} sets the period at start-up.
 */
@Component
public class HistoryDeletionGuard extends AbstractProcessEnginePlugin {

  static final String REFUSED = "历史记录是审计记录的依据（第二十四条），不能通过接口删除或缩短其保存期限";

  private static final List<Class<?>> DELETING = List.of(DeleteHistoricProcessInstancesCmd.class,
      DeleteHistoricProcessInstancesBatchCmd.class, DeleteHistoricVariableInstanceCmd.class,
      DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, DeleteHistoricTaskInstanceCmd.class,
      DeleteUserOperationLogEntryCmd.class, DeleteHistoricDecisionInstanceByDefinitionIdCmd.class,
      DeleteHistoricDecisionInstanceByInstanceIdCmd.class, DeleteHistoricDecisionInstancesBatchCmd.class,
      DeleteHistoricDecisionInstancesBulkCmd.class, DeleteHistoricCaseInstanceCmd.class,
      DeleteHistoricCaseInstancesBulkCmd.class, DeleteHistoricBatchCmd.class,
      UpdateProcessDefinitionHistoryTimeToLiveCmd.class, UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
      SetRemovalTimeToHistoricProcessInstancesCmd.class, SetRemovalTimeToHistoricDecisionInstancesCmd.class,
      SetRemovalTimeToHistoricBatchesCmd.class);

  private final boolean allowed;

  public HistoryDeletionGuard(HistoryProperties properties) {
    this.allowed = properties.deletionAllowed();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (allowed) {
      return;
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
  }

  static final class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (context != null && context.getAuthenticatedUserId() != null && deletesHistory(command)) {
        throw new AuthorizationException(REFUSED);
      }
      return next.execute(command);
    }
  }

  static boolean deletesHistory(Command<?> command) {
    if (DELETING.stream().anyMatch(type -> type.isInstance(command))) {
      return true;
    }
    // deleting a deployment or definition "cascade" takes the history of its instances with it
    if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
      return flag(command, "cascadeToHistory");
    }
    if (command instanceof DeleteDeploymentCmd || command instanceof AbstractDeleteProcessDefinitionCmd) {
      return flag(command, "cascade");
    }
    return false;
  }

  private static boolean flag(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.getBoolean(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    // a Camunda update renamed the field: refuse rather than let history go
    return true;
  }
}
