package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.notification.Notifications;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.MachineStep;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import cn.jiyuan.decisionreview.shared.ScoreText;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates and listeners of post-evaluation; each reads variables, calls a service, writes variables. */
@Configuration
public class EvaluationDelegates {

  /** 通知评估启动 (Art. 5, 8): after the starter's transaction, so a failed notification never refuses a start. */
  @Bean
  JavaDelegate notifyEvaluationStarted(Notifications notifications) {
    return MachineStep.failingWith("发送评估启动通知失败", execution -> notifications.evaluationStarted(
        execution.getProcessInstanceId(), DECISION_NUMBER.get(execution), DECISION_TITLE.get(execution),
        EXECUTING_UNIT.get(execution)));
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
      reports.recordApproval(execution, REPORT_APPROVED_BY.get(execution));
      notifications.reportResolved(execution.getProcessInstanceId(), DECISION_NUMBER.get(execution),
          DECISION_TITLE.get(execution), EXECUTING_UNIT.get(execution));
    });
  }

  /** 不符合: the refused agency's reason is shown on the next selection (Art. 22, 25). */
  @Bean
  ExecutionListener agencyRefusal() {
    return execution -> {
      String reason = AGENCY_CHECK.find(execution).map(AgencyEligibilityCheck.Result::reason).orElse("该机构不符合受委托条件");
      AGENCY_ELIGIBLE.set(execution, false);
      AGENCY_REFUSAL_REASON.set(execution, reason);
    };
  }

  /**
   * After 核验机构资格: the table's single result (a map) becomes a typed Json record, and the gateway decides on
   * {@code agencyEligible} rather than on a map's key.
   */
  @Bean
  ExecutionListener recordAgencyCheck() {
    return execution -> {
      AgencyEligibilityCheck.Result result = AGENCY_CHECK.get(execution); // read from the map by its components
      boolean eligible = result != null && result.eligible();
      AGENCY_CHECK.set(execution, new AgencyEligibilityCheck.Result(eligible,
          result == null ? null : FormValues.text(result.reason())));
      AGENCY_ELIGIBLE.set(execution, eligible);
    };
  }

  /** 确定受委托机构 (Art. 21): from now on the agency's group does the evaluation tasks. */
  @Bean
  JavaDelegate commissionAgency(AgencyService agencies, ParticipantGrants grants) {
    return execution -> {
      String agencyId = AGENCY_ID.get(execution);
      String group = agencies.groupId(agencyId);
      grants.grantGroup(execution.getProcessInstanceId(), group);
      AGENCY_GROUP.set(execution, group);
      AGENCY_NAME.set(execution, agencies.find(agencyId).map(a -> a.name()).orElse(agencyId));
      EVALUATOR_GROUP.set(execution, group);
      AGENCY_ELIGIBLE.set(execution, true);
      AGENCY_REFUSAL_REASON.set(execution, null);
    };
  }

  /** After the grade table: the grade and the suggested outcome, with labels for the forms (Art. 7, 16). */
  @Bean
  ExecutionListener gradeResultMapping() {
    return execution -> {
      GradeResult result = GRADE_RESULT.get(execution);
      String grade = result == null ? null : result.grade();
      String outcome = result == null ? null : result.suggestedOutcome();
      Double score = WEIGHTED_SCORE.get(execution);
      Double rounded = score == null ? null : Math.round(score * 10) / 10.0;
      WEIGHTED_SCORE.set(execution, rounded);
      WEIGHTED_SCORE_TEXT.set(execution, ScoreText.of(rounded));
      EVALUATION_GRADE.set(execution, grade);
      SUGGESTED_OUTCOME.set(execution, outcome);
      EVALUATION_GRADE_LABEL.set(execution, EvaluationCodes.label(EvaluationCodes.GRADES, grade));
      SUGGESTED_OUTCOME_LABEL.set(execution, EvaluationCodes.label(EvaluationCodes.OUTCOMES, outcome));
      execution.removeVariable(GRADE_RESULT.name());
    };
  }

  /** 评估归档: the completion date returned to decision tracking (Art. 16, 26). */
  @Bean
  JavaDelegate evaluationArchive(BeijingClock clock) {
    return MachineStep.failingWith("评估归档失败", execution -> EVALUATION_COMPLETED_DATE.set(execution, clock.today()));
  }
}
