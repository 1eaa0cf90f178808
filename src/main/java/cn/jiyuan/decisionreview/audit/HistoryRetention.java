package cn.jiyuan.decisionreview.audit;

import cn.jiyuan.decisionreview.shared.CarriesOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One history time to live for everything ({@code decision-review.history.time-to-live}): the audit trail of an
 * evaluation draws on its tracking's, its requests' and its rules' history, so none of them may go first.
 * <ul>
 *   <li>every new deployment (start-up, Modeler, REST) gets it on each process and decision definition, whatever its
 *       file says — the files carry the same value, {@code ModelConventionsTest} keeps them equal;</li>
 *   <li>at start-up, definitions deployed before with another value are updated, and the removal times the history
 *       cleanup already computed for their ended instances are computed again (a batch), so a longer period also
 *       protects what ended before it was configured;</li>
 *   <li>the engine's default for a definition without one is the same.</li>
 * </ul>
 */
@Component
@CarriesOut({"第二十四条"})
public class HistoryRetention extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

  private final int days;

  public HistoryRetention(HistoryProperties properties) {
    this.days = properties.timeToLiveDays();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryTimeToLive("P" + days + "D");
    List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(this::apply);
    configuration.setCustomPostDeployers(deployers);
  }

  /** After the BPMN and DMN deployers have built the new definitions, before they are inserted. */
  private void apply(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<ProcessDefinitionEntity> processes = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
    if (processes != null) {
      processes.forEach(p -> p.setHistoryTimeToLive(days));
    }
    List<DecisionDefinitionEntity> decisions = deployment.getDeployedArtifacts(DecisionDefinitionEntity.class);
    if (decisions != null) {
      decisions.forEach(d -> d.setHistoryTimeToLive(days));
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    RepositoryService repository = engine.getRepositoryService();
    HistoryService history = engine.getHistoryService();
    int updated = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
        var ended = history.createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).finished();
        if (ended.count() > 0) {
          history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byQuery(ended).hierarchical()
              .executeAsync();
        }
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
        var evaluated = history.createHistoricDecisionInstanceQuery().decisionDefinitionId(definition.getId());
        if (evaluated.count() > 0) {
          history.setRemovalTimeToHistoricDecisionInstances().calculatedRemovalTime().byQuery(evaluated).hierarchical()
              .executeAsync();
        }
      }
    }
    if (updated > 0) {
      LOG.info("历史记录保存期限已统一为 {} 天：更新了 {} 个已部署的流程和决策定义", days, updated);
    }
  }
}
