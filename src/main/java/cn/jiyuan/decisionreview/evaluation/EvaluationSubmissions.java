package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/**
 * What each form of post-evaluation submits, built from the variable declarations with the values' real types: the
 * one copy of every submission, used by the demo data ({@link EvaluationDemoData}) and by the tests that drive an
 * evaluation through the engine, so that neither can drift from the forms' variables.
 */
public final class EvaluationSubmissions {

  private EvaluationSubmissions() {}

  /** One dimension's assessment in 分析研判 (Art. 7). */
  public record Assessment(Dimension dimension, int score, String findings) {}

  /**
   * 确定评估方式 (Art. 9, 15, 21).
   *
   * @param simplifiedJustification required with the simplified procedure, ignored otherwise
   * @param partialScope the dimensions of a partial evaluation; null for a whole one
   */
  public static VariableMap determineMethod(EvaluatorType evaluator, Procedure procedure, String simplifiedJustification,
      String undertakingUnit, List<Dimension> partialScope) {
    VariableMap v = Variables.createVariables();
    EVALUATOR_TYPE.putInto(v, evaluator);
    PROCEDURE_TYPE.putInto(v, procedure);
    UNDERTAKING_UNIT.putInto(v, undertakingUnit);
    if (procedure == Procedure.SIMPLIFIED) {
      SIMPLIFIED_JUSTIFICATION.putInto(v, simplifiedJustification);
    }
    EVALUATION_SCOPE.putInto(v, partialScope == null ? EvaluationScope.WHOLE : EvaluationScope.PARTIAL);
    if (partialScope != null) {
      DIMENSIONS_IN_SCOPE.putInto(v, partialScope.stream().map(Dimension::name).toList());
    }
    return v;
  }

  /** 选择受委托评估机构 (Art. 21, 22), with the promise not to subcontract. */
  public static VariableMap selectAgency(String agencyId, String commissionScope, List<ExternalExpert> externalExperts) {
    VariableMap v = Variables.createVariables();
    AGENCY_ID.putInto(v, agencyId);
    COMMISSION_SCOPE.putInto(v, commissionScope);
    NO_SUBCONTRACTING_DECLARED.putInto(v, true);
    if (externalExperts != null) {
      EXTERNAL_EXPERTS.putInto(v, externalExperts);
    }
    return v;
  }

  /** 成立评估小组 (Art. 4, 11(1)). */
  public static VariableMap formTeam(List<TeamMember> members) {
    return TEAM_MEMBERS.putInto(Variables.createVariables(), members);
  }

  /** 制定评估方案 (Art. 11(2)). */
  public static VariableMap draftPlan(String purpose, String objectContent, String standardsMethods, String stepsSchedule,
      double budget, String organisation) {
    VariableMap v = Variables.createVariables();
    PLAN_PURPOSE.putInto(v, purpose);
    PLAN_OBJECT_CONTENT.putInto(v, objectContent);
    PLAN_STANDARDS_METHODS.putInto(v, standardsMethods);
    PLAN_STEPS_SCHEDULE.putInto(v, stepsSchedule);
    PLAN_BUDGET.putInto(v, budget);
    PLAN_ORGANISATION.putInto(v, organisation);
    return v;
  }

  /** 审批评估方案 approved. */
  public static VariableMap approvePlan() {
    return PLAN_DECISION.putInto(Variables.createVariables(), ReviewDecision.APPROVE);
  }

  /** 审批评估方案 returned with the authority's comments. */
  public static VariableMap returnPlan(String comments) {
    VariableMap v = PLAN_DECISION.putInto(Variables.createVariables(), ReviewDecision.RETURN);
    return PLAN_REVIEW_COMMENTS.putInto(v, comments);
  }

  /** 制定调查提纲和问卷 (Art. 11(3)). */
  public static VariableMap designSurvey(String outline, String title, long days, List<QuestionnaireItem> items) {
    VariableMap v = Variables.createVariables();
    SURVEY_OUTLINE.putInto(v, outline);
    QUESTIONNAIRE_TITLE.putInto(v, title);
    QUESTIONNAIRE_DAYS.putInto(v, days);
    QUESTIONNAIRE_ITEMS.putInto(v, items);
    return v;
  }

  /** 提供实施情况材料 (Art. 5): the files go into the form's slots, first to last. */
  public static VariableMap supplyMaterials(List<FileValue> files, String data, String problems, String risks,
      String suggestions) {
    VariableMap v = Variables.createVariables();
    for (int i = 0; i < files.size(); i++) {
      v.putValueTyped(materialFile(i + 1), files.get(i));
    }
    IMPLEMENTATION_DATA.putInto(v, data);
    IMPLEMENTATION_PROBLEMS.putInto(v, problems);
    IMPLEMENTATION_RISKS.putInto(v, risks);
    IMPLEMENTATION_SUGGESTIONS.putInto(v, suggestions);
    return v;
  }

  /** 征求意见与调查记录 (Art. 6, 12, 15). */
  public static VariableMap recordConsultations(List<Consultation> consultations) {
    return CONSULTATIONS.putInto(Variables.createVariables(), consultations);
  }

  /** 分析研判并形成初步结论 (Art. 7, 12(3)), with a score and findings for each dimension in scope. */
  public static VariableMap analysis(List<Assessment> assessments, boolean severeAdverseImpact, boolean legalityConflict,
      String performance, String institutionalDesign, String preliminaryConclusion, String recommendations) {
    VariableMap v = Variables.createVariables();
    for (Assessment a : assessments) {
      a.dimension().score().putInto(v, a.score());
      a.dimension().findings().putInto(v, a.findings());
    }
    SEVERE_ADVERSE_IMPACT.putInto(v, severeAdverseImpact);
    LEGALITY_CONFLICT.putInto(v, legalityConflict);
    IMPLEMENTATION_PERFORMANCE.putInto(v, performance);
    INSTITUTIONAL_DESIGN.putInto(v, institutionalDesign);
    PRELIMINARY_CONCLUSION.putInto(v, preliminaryConclusion);
    RECOMMENDATIONS.putInto(v, recommendations);
    return v;
  }

  /** 审核报告初稿 (Art. 13(1)) confirmed, with the team's revised Word file if there is one. */
  public static VariableMap reviewDraft(String notes, FileValue revisedReport) {
    VariableMap v = DRAFT_CONFIRMED.putInto(Variables.createVariables(), true);
    DRAFT_REVIEW_NOTES.putInto(v, notes);
    if (revisedReport != null) {
      v.putValueTyped(REVISED_REPORT, revisedReport);
    }
    return v;
  }

  /** 选择论证专家 (Art. 13(2)): user ids of the expert register. */
  public static VariableMap selectExperts(List<String> experts) {
    return SELECTED_EXPERTS.putInto(Variables.createVariables(), experts);
  }

  /** 专家论证 (Art. 13(2)): a dissent carries its reason. */
  public static VariableMap expertOpinion(ExpertConclusion conclusion, String opinion, String dissentReason) {
    VariableMap v = EXPERT_CONCLUSION.putInto(Variables.createVariables(), conclusion);
    EXPERT_OPINION.putInto(v, opinion);
    if (dissentReason != null) {
      DISSENT_REASON.putInto(v, dissentReason);
    }
    return v;
  }

  /** 形成评估报告 (Art. 13(3)). */
  public static VariableMap finalizeReport(String notes) {
    return FINAL_REPORT_NOTES.putInto(Variables.createVariables(), notes);
  }

  /** 形成评估报告 with the reason why the online questionnaire got fewer answers than the quality gate asks. */
  public static VariableMap finalizeReport(String notes, String surveyShortfallReason) {
    return SURVEY_SHORTFALL_REASON.putInto(finalizeReport(notes), surveyShortfallReason);
  }

  /** 决策机关审定 approved with its 处理决定 (Art. 16): an {@code EvaluationCodes.OUTCOMES} code. */
  public static VariableMap approveReport(String outcome, String reasons) {
    VariableMap v = REPORT_DECISION.putInto(Variables.createVariables(), ReviewDecision.APPROVE);
    EVALUATION_OUTCOME.putInto(v, outcome);
    return OUTCOME_REASONS.putInto(v, reasons);
  }

  /** 决策机关审定 approved, publishing a summary of the report on the public page (Art. 16). */
  public static VariableMap approveAndPublish(String outcome, String reasons, String summary, String keyFindings) {
    VariableMap v = approveReport(outcome, reasons);
    PUBLISH_SUMMARY.putInto(v, true);
    PUBLIC_SUMMARY.putInto(v, summary);
    return PUBLIC_KEY_FINDINGS.putInto(v, keyFindings);
  }

  /** 决策机关审定 returned with comments (Art. 13(4)). */
  public static VariableMap returnReport(String comments) {
    VariableMap v = REPORT_DECISION.putInto(Variables.createVariables(), ReviewDecision.RETURN);
    return REPORT_RETURN_COMMENTS.putInto(v, comments);
  }

  /** 采取补救措施 (Art. 17). */
  public static VariableMap mitigation(String measures, String lossesAvoided, String remainingRisks) {
    VariableMap v = MITIGATION_MEASURES.putInto(Variables.createVariables(), measures);
    LOSSES_AVOIDED.putInto(v, lossesAvoided);
    return REMAINING_RISKS.putInto(v, remainingRisks);
  }

  /** 重新履行决策程序 (Decree 713 Art. 37). */
  public static VariableMap reDecision(String arrangement, String responsibleUnit) {
    VariableMap v = RE_DECISION_ARRANGEMENT.putInto(Variables.createVariables(), arrangement);
    return RE_DECISION_RESPONSIBLE_UNIT.putInto(v, responsibleUnit);
  }
}
