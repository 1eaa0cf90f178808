package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import cn.jiyuan.decisionreview.shared.SelectOption;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Start of post-evaluation, called by decision tracking (staff cannot start it; DESIGN.md §4.1): checks the
 * input all the same, since the engine API can still start it (a refusal leaves no instance behind), sets the
 * business key to the decision number, and prepares the first form.
 */
@Component("evaluationStart")
public class EvaluationStartListener implements ExecutionListener {

  private final IdentityService identityService;
  private final ParticipantGrants grants;
  private final Directory directory;
  private final BeijingClock clock;

  public EvaluationStartListener(IdentityService identityService, ParticipantGrants grants, Directory directory,
      BeijingClock clock) {
    this.clock = clock;
    this.identityService = identityService;
    this.grants = grants;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = null;
    String numberProblem = null;
    Object rawNumber = execution.getVariable(DECISION_NUMBER.name());
    try {
      number = DecisionNumber.parse(rawNumber).value();
    } catch (DecisionNumber.Invalid e) {
      // Called by a tracking registered before numbers were checked: its number stands, or its timer would fail.
      number = execution.getSuperExecution() == null ? null : DecisionNumber.normalise(FormValues.text(rawNumber));
      numberProblem = e.getMessage();
    }
    String title = DECISION_TITLE.get(execution);
    String unit = EXECUTING_UNIT.get(execution);
    String type = EVALUATION_TYPE.get(execution);
    Group unitGroup = Groups.isExecutingUnit(unit) ? identityService.createGroupQuery().groupId(unit).singleResult() : null;
    new FormRefusal()
        .require(number != null, DECISION_NUMBER.name(), numberProblem)
        .require(title != null && title.length() <= 200, DECISION_TITLE.name(), "请填写决策名称（不超过 200 字）")
        .require(unitGroup != null, EXECUTING_UNIT.name(), "执行单位“" + (unit == null ? "" : unit) + "”不存在，须为已登记的执行单位用户组")
        .require(EvaluationCodes.EVALUATION_TYPES.containsKey(type), EVALUATION_TYPE.name(),
            "评估类型须为执行评估、中期评估、终期评估、触发评估或争议风险评估")
        .require(LEGAL_BASIS.get(execution) != null, LEGAL_BASIS.name(), "请填写评估依据的条款")
        .throwIfAny();

    execution.setProcessBusinessKey(number);
    grants.grantGroupOnNewInstance(execution.getProcessInstanceId(), unit);
    DECISION_NUMBER.setIfChanged(execution, number);
    DECISION_TITLE.setIfChanged(execution, title);
    URGENT.set(execution, "RISK".equals(type) || Boolean.TRUE.equals(URGENT.get(execution)));
    EVALUATION_STARTED_DATE.set(execution, clock.today());
    REPORT_URL.set(execution, reportUrl(execution.getProcessInstanceId()));
    OPINIONS_URL.set(execution, "/api/evaluations/" + execution.getProcessInstanceId() + "/opinions.xlsx");
    SURVEY_ANSWERS_URL.set(execution, "/api/evaluations/" + execution.getProcessInstanceId() + "/survey/responses.xlsx");
    UNDERTAKING_UNIT_OPTIONS.set(execution, List.of(
        new SelectOption(directory.groupName(Groups.LEGAL_AFFAIRS) + "（决策机关法治工作机构）", Groups.LEGAL_AFFAIRS),
        new SelectOption(directory.groupName(Groups.DECISION_AUTHORITY), Groups.DECISION_AUTHORITY),
        new SelectOption(unitGroup.getName() + "（执行单位，第二十一条）", unit)));
  }

  public static String reportUrl(String processInstanceId) {
    return "/api/evaluations/" + processInstanceId + "/report";
  }
}
