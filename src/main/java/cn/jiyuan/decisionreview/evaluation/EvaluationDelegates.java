package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.notification.Notifications;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import cn.jiyuan.decisionreview.shared.ScoreText;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates and listeners of post-evaluation; each reads variables, calls a service, writes variables. */
@Configuration
public class EvaluationDelegates {

  /** 通知评估启动 (Art. 5, 8): after the starter's transaction, so a failed notification never refuses a start. */
  @Bean
  JavaDelegate notifyEvaluationStarted(Notifications notifications) {
    return MachineStep.failingWith("发送评估启动通知失败", execution -> notifications.evaluationStarted(
        execution.getProcessInstanceId(), FormValues.text(execution.getVariable(DECISION_NUMBER)),
        FormValues.text(execution.getVariable(DECISION_TITLE)), FormValues.text(execution.getVariable(EXECUTING_UNIT))));
  }

  /** 起草评估报告 (Art. 13(1), 14). */
  @Bean
  JavaDelegate reportDraft(EvaluationReports reports) {
    return MachineStep.failingWith("生成评估报告初稿失败", reports::generateDraft);
  }

  /** 生成正式报告 (Art. 13(3)). */
  @Bean
  JavaDelegate reportFinal(EvaluationReports reports) {
    return MachineStep.failingWith("生成正式评估报告失败", reports::generateFinal);
  }

  /** 记入审定决定 (Art. 13(4), 16): the approval page of the final report, and the notice that the outcome stands. */
  @Bean
  JavaDelegate recordApproval(EvaluationReports reports, Notifications notifications) {
    return MachineStep.failingWith("记入审定决定失败", execution -> {
      reports.recordApproval(execution, FormValues.text(execution.getVariable(REPORT_APPROVED_BY)));
      notifications.reportResolved(execution.getProcessInstanceId(), FormValues.text(execution.getVariable(DECISION_NUMBER)),
          FormValues.text(execution.getVariable(DECISION_TITLE)), FormValues.text(execution.getVariable(EXECUTING_UNIT)));
    });
  }

  /** 不符合: the refused agency's reason is shown on the next selection (Art. 22, 25). */
  @Bean
  ExecutionListener agencyRefusal() {
    return execution -> {
      String reason = AGENCY_CHECK.find(execution).map(AgencyEligibilityCheck.Result::reason).orElse("该机构不符合受委托条件");
      execution.setVariable(AGENCY_ELIGIBLE, false);
      execution.setVariable(AGENCY_REFUSAL_REASON, reason);
    };
  }

  /**
   * After 核验机构资格: the table's single result (a map) becomes a typed Json record, and the gateway decides on
   * {@code agencyEligible} rather than on a map's key.
   */
  @Bean
  ExecutionListener recordAgencyCheck() {
    return execution -> {
      Map<?, ?> result = (Map<?, ?>) execution.getVariable(AGENCY_CHECK.name());
      boolean eligible = result != null && Boolean.TRUE.equals(result.get("eligible"));
      AGENCY_CHECK.set(execution, new AgencyEligibilityCheck.Result(eligible,
          result == null ? null : FormValues.text(result.get("reason"))));
      execution.setVariable(AGENCY_ELIGIBLE, eligible);
    };
  }

  /** 确定受委托机构 (Art. 21): from now on the agency's group does the evaluation tasks. */
  @Bean
  JavaDelegate commissionAgency(AgencyService agencies, ParticipantGrants grants) {
    return execution -> {
      String agencyId = FormValues.text(execution.getVariable(AGENCY_ID));
      String group = agencies.groupId(agencyId);
      grants.grantGroup(execution.getProcessInstanceId(), group);
      execution.setVariable(AGENCY_GROUP, group);
      execution.setVariable(AGENCY_NAME, agencies.find(agencyId).map(a -> a.name()).orElse(agencyId));
      execution.setVariable(EVALUATOR_GROUP, group);
      execution.setVariable(AGENCY_ELIGIBLE, true);
      execution.setVariable(AGENCY_REFUSAL_REASON, Variables.stringValue(null));
    };
  }

  /** After the grade table: the grade and the suggested outcome, with labels for the forms (Art. 7, 16). */
  @Bean
  ExecutionListener gradeResultMapping() {
    return execution -> {
      Map<?, ?> result = (Map<?, ?>) execution.getVariable(GRADE_RESULT);
      String grade = result == null ? null : (String) result.get("grade");
      String outcome = result == null ? null : (String) result.get("suggestedOutcome");
      Object score = execution.getVariable(WEIGHTED_SCORE);
      Double rounded = score == null ? null : Math.round(((Number) score).doubleValue() * 10) / 10.0;
      execution.setVariable(WEIGHTED_SCORE, rounded);
      execution.setVariable(WEIGHTED_SCORE_TEXT, ScoreText.of(rounded));
      execution.setVariable(EVALUATION_GRADE, grade);
      execution.setVariable(SUGGESTED_OUTCOME, outcome);
      execution.setVariable(EVALUATION_GRADE_LABEL, EvaluationCodes.label(EvaluationCodes.GRADES, grade));
      execution.setVariable(SUGGESTED_OUTCOME_LABEL, EvaluationCodes.label(EvaluationCodes.OUTCOMES, outcome));
      execution.removeVariable(GRADE_RESULT);
    };
  }

  /** 评估归档: the completion date returned to decision tracking (Art. 16, 26). */
  @Bean
  JavaDelegate evaluationArchive(BeijingClock clock) {
    return MachineStep.failingWith("评估归档失败", execution -> execution.setVariable(EVALUATION_COMPLETED_DATE,
        clock.today().toString()));
  }
}
