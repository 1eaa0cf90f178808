package cn.jiyuan.decisionreview.rules;

import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * Which version of a rule (DMN decision) is in force, was deployed by whom, and was applied to a decision's
 * processes. Read from the engine's own records: the repository (versions, deployments), the user operation log
 * (who deployed) and the decision history (what was evaluated, Art. 27).
 */
@Component("ruleVersions")
public class RuleVersions {

  /** Deployments without a user: those the application makes from its own files at start-up. */
  static final String SYSTEM_DEPLOYER = "系统（启动时部署）";
  /** The contract variable every process of a decision carries (DESIGN.md §4). */
  static final String DECISION_NUMBER = TrackingVariables.DECISION_NUMBER.name();

  private final RepositoryService repository;
  private final HistoryService history;
  private final SystemCalls system;

  public RuleVersions(RepositoryService repository, HistoryService history, SystemCalls system) {
    this.repository = repository;
    this.history = history;
    this.system = system;
  }

  /** One deployed version of a rule. */
  public record Version(int version, String decisionDefinitionId, String deploymentId, String deploymentName,
      Date deploymentTime, String deployedBy, String source) {}

  /** One evaluation of a rule for a decision's processes. */
  public record Applied(String decisionKey, String decisionName, Integer version, String decisionDefinitionId,
      Date evaluationTime, String processDefinitionKey, String processInstanceId, String activityId) {}

  /** Every contract decision with its versions, newest first. */
  public Map<String, List<Version>> contractVersions() {
    return system.run(() -> {
      Map<String, List<Version>> all = new LinkedHashMap<>();
      Map<String, Deployment> deployments = new HashMap<>();
      for (String key : ContractDecisions.ids()) {
        List<Version> versions = new ArrayList<>();
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
            .orderByDecisionDefinitionVersion().desc().list()) {
          Deployment deployment = deployments.computeIfAbsent(definition.getDeploymentId(),
              id -> repository.createDeploymentQuery().deploymentId(id).singleResult());
          versions.add(new Version(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
              deployment == null ? null : deployment.getName(), deployment == null ? null : deployment.getDeploymentTime(),
              deployedBy(definition.getDeploymentId()), deployment == null ? null : deployment.getSource()));
        }
        all.put(key, versions);
      }
      return all;
    });
  }

  /** The user the engine's operation log records for the deployment (Modeler and REST calls are authenticated). */
  private String deployedBy(String deploymentId) {
    // entity type too: starting an instance is a CREATE logged with its definition's deployment id
    List<UserOperationLogEntry> entries = history.createUserOperationLogQuery().deploymentId(deploymentId)
        .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list();
    return entries.stream().map(UserOperationLogEntry::getUserId).filter(u -> u != null && !u.isBlank()).findFirst()
        .orElse(SYSTEM_DEPLOYER);
  }

  /** Every rule evaluated in the processes of one registered decision (tracking, requests, evaluations). */
  public List<Applied> appliedTo(String decisionNumber) {
    String number = DecisionNumber.tryParse(decisionNumber).map(Object::toString)
        .orElseGet(() -> DecisionNumber.normalise(decisionNumber));
    return system.run(() -> {
      List<Applied> applied = new ArrayList<>();
      if (number == null) {
        return applied;
      }
      // tracking and evaluations carry the number as business key; a request carries it as a variable
      java.util.Set<String> instances = new java.util.LinkedHashSet<>();
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()
          .forEach(i -> instances.add(i.getId()));
      history.createHistoricVariableInstanceQuery().variableName(DECISION_NUMBER).variableValueEquals(DECISION_NUMBER, number)
          .list().forEach(v -> instances.add(v.getProcessInstanceId()));
      for (String instance : instances) {
        for (HistoricDecisionInstance evaluated : history.createHistoricDecisionInstanceQuery()
            .processInstanceId(instance).list()) {
          DecisionDefinition definition = repository.createDecisionDefinitionQuery()
              .decisionDefinitionId(evaluated.getDecisionDefinitionId()).singleResult();
          applied.add(new Applied(evaluated.getDecisionDefinitionKey(), evaluated.getDecisionDefinitionName(),
              definition == null ? null : definition.getVersion(), evaluated.getDecisionDefinitionId(),
              evaluated.getEvaluationTime(), evaluated.getProcessDefinitionKey(), evaluated.getProcessInstanceId(),
              evaluated.getActivityId()));
        }
      }
      applied.sort(Comparator.comparing(Applied::evaluationTime));
      return applied;
    });
  }

  /**
   * For {@code camunda:decisionRefVersion}: the version of a rule that was in force when this process instance
   * started, so an evaluation keeps the grading rules of its approved plan (Art. 11(2): 评估标准与方法) even if an
   * analyst deploys new ones meanwhile. Falls back to the latest version for an instance the history does not know.
   */
  public int inForceAtStart(DelegateExecution execution, String decisionKey) {
    return system.run(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(execution.getProcessInstanceId()).singleResult();
      Date started = instance == null ? null : instance.getStartTime();
      DecisionDefinition chosen = null;
      for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
          .orderByDecisionDefinitionVersion().desc().list()) {
        if (chosen == null) {
          chosen = definition; // the latest, unless an older one was the one in force at the start
        }
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
            .singleResult();
        if (started != null && deployment != null && !deployment.getDeploymentTime().after(started)) {
          chosen = definition;
          break;
        }
      }
      if (chosen == null) {
        throw new IllegalStateException("决策“" + decisionKey + "”尚未部署");
      }
      return chosen.getVersion();
    });
  }
}
