package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Art. 23: an evaluation's files and report are for its participants only — the evaluator group, the
 * agency, the executing unit, the experts who worked on it, the authority — plus the legal office and the
 * supervisors (read-only). Decided from history, so it also holds after the process has ended.
 */
@Service
public class EvaluationAccess {

  static final Set<String> ALWAYS = Set.of(Groups.CAMUNDA_ADMIN, Groups.LEGAL_AFFAIRS, Groups.SUPERVISION_OFFICE,
      Groups.DECISION_AUTHORITY);
  static final List<String> PARTICIPANT_GROUP_VARIABLES = List.of(EXECUTING_UNIT.name(),
      EVALUATOR_GROUP.name(), AGENCY_GROUP.name(), UNDERTAKING_UNIT.name());

  public enum Verdict { ALLOWED, FORBIDDEN, NOT_FOUND }

  private final HistoryService historyService;
  private final SystemCalls system;

  public EvaluationAccess(HistoryService historyService, SystemCalls system) {
    this.historyService = historyService;
    this.system = system;
  }

  public Verdict check(CurrentUser user, String processInstanceId) {
    return decide(user, processInstanceId, ALWAYS);
  }

  /** The API's answer to {@link #check}: 404 for no such evaluation, 403 for someone who may not read it (Art. 23). */
  public void requireReadable(CurrentUser user, String processInstanceId) {
    switch (check(user, processInstanceId)) {
      case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "评估不存在。");
      case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您不是该评估的参与单位，无权查阅（第二十三条）。");
      case ALLOWED -> { }
    }
  }

  /**
   * Art. 24: the audit trail names other people, their refused submissions and downloads, so it is for the read-all
   * roles (legal office, supervisors, authority) and the administrator only; participants get 403, as does anybody
   * else, and an unknown evaluation is 404 for everyone.
   */
  public void requireAuditReadable(CurrentUser user, String processInstanceId) {
    switch (decide(user, processInstanceId, ALWAYS)) {
      case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "评估不存在。");
      case FORBIDDEN, ALLOWED -> {
        if (user.groupIds().stream().noneMatch(ALWAYS::contains)) {
          throw new ResponseStatusException(HttpStatus.FORBIDDEN,
              "审计记录只供司法行政部门、督办机构、决策机关和系统管理员查阅（第二十四条）。");
        }
      }
    }
  }

  /**
   * Who may act on the evaluation beyond reading it (e.g. end its questionnaire early): its participants and the
   * legal office, which organises evaluations; the supervisors and the authority read but do not act by this right.
   */
  public Verdict checkActing(CurrentUser user, String processInstanceId) {
    return decide(user, processInstanceId, Set.of(Groups.LEGAL_AFFAIRS));
  }

  private Verdict decide(CurrentUser user, String processInstanceId, Set<String> always) {
    return system.run(() -> {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (instance == null || !ProcessKeys.POST_EVALUATION.equals(instance.getProcessDefinitionKey())) {
        return Verdict.NOT_FOUND;
      }
      if (user.groupIds().stream().anyMatch(always::contains)) {
        return Verdict.ALLOWED;
      }
      List<String> participantGroups = historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(processInstanceId).variableNameIn(PARTICIPANT_GROUP_VARIABLES.toArray(String[]::new))
          .list().stream().map(HistoricVariableInstance::getValue).filter(Objects::nonNull).map(Object::toString).toList();
      if (user.groupIds().stream().anyMatch(participantGroups::contains)) {
        return Verdict.ALLOWED;
      }
      boolean workedOnIt = historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
          .taskAssignee(user.userId()).count() > 0;
      return workedOnIt ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    });
  }
}
