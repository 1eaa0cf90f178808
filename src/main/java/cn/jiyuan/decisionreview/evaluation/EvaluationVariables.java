package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.util.List;

/**
 * Every process variable of {@code post-evaluation} (DESIGN.md §4.2), in one place. Names marked contract
 * are shared with {@code decision-tracking}, the forms and external callers.
 */
public final class EvaluationVariables {

  private EvaluationVariables() {}

  // --- input (contract) ---
  public static final String DECISION_NUMBER = "decisionNumber";
  public static final String DECISION_TITLE = "decisionTitle";
  public static final String EXECUTING_UNIT = "executingUnit";
  public static final String EVALUATION_TYPE = "evaluationType";
  public static final String LEGAL_BASIS = "legalBasis";
  public static final String URGENT = "urgent";

  // --- 确定评估方式 (Art. 9, 15, 21) ---
  public static final String EVALUATOR_TYPE = "evaluatorType"; // SELF | COMMISSIONED
  public static final String PROCEDURE_TYPE = "procedureType"; // FULL | SIMPLIFIED
  public static final String SIMPLIFIED_JUSTIFICATION = "simplifiedJustification";
  public static final String EVALUATION_SCOPE = "evaluationScope"; // WHOLE | PARTIAL
  public static final String DIMENSIONS_IN_SCOPE = "dimensionsInScope"; // Json array of Dimension codes
  public static final String UNDERTAKING_UNIT = "undertakingUnit"; // group id
  /** The group that does the evaluation tasks: the undertaking unit, or the agency's group when commissioned. */
  public static final String EVALUATOR_GROUP = "evaluatorGroup";
  /** Options for the undertaking-unit select: Json [{label, value}]. */
  public static final String UNDERTAKING_UNIT_OPTIONS = "undertakingUnitOptions";

  // --- 选择受委托评估机构 (Art. 21, 22, 25) ---
  public static final String AGENCY_OPTIONS = "agencyOptions"; // Json [{label, value}]
  public static final String AGENCY_ID = "agencyId";
  public static final String AGENCY_NAME = "agencyName";
  public static final String AGENCY_GROUP = "agencyGroup";
  public static final String COMMISSION_SCOPE = "commissionScope";
  public static final String NO_SUBCONTRACTING_DECLARED = "noSubcontractingDeclared";
  public static final String EXTERNAL_EXPERTS = "externalExperts"; // Json [{name, organisation, field}]
  public static final String AGENCY_ELIGIBLE = "agencyEligible";
  /** The output of agencyEligibility at 核验机构资格, kept as a Json record (Java serialization is disabled). */
  public static final ProcessVariable<AgencyEligibilityCheck.Result> AGENCY_CHECK =
      ProcessVariable.json("agencyCheck", AgencyEligibilityCheck.Result.class);
  public static final String AGENCY_REFUSAL_REASON = "agencyRefusalReason";

  // --- 成立评估小组 (Art. 4, 11(1)) ---
  public static final String TEAM_MEMBERS = "teamMembers";
  // Json [{name, organisation, category, contact, independenceDeclared, hasConflict, conflictDescription}]

  // --- 制定评估方案 / 审批评估方案 (Art. 11(2)) ---
  public static final String PLAN_PURPOSE = "planPurpose";
  public static final String PLAN_OBJECT_CONTENT = "planObjectContent";
  public static final String PLAN_STANDARDS_METHODS = "planStandardsMethods";
  public static final String PLAN_STEPS_SCHEDULE = "planStepsSchedule";
  public static final String PLAN_BUDGET = "planBudget"; // number, 元
  /** Task-local, for 审批评估方案 to show: the budget with digit grouping, e.g. "180,000 元". */
  public static final String PLAN_BUDGET_TEXT = "planBudgetText";
  public static final String PLAN_ORGANISATION = "planOrganisation";
  public static final String PLAN_DECISION = "planDecision"; // APPROVE | RETURN
  public static final String PLAN_REVIEW_COMMENTS = "planReviewComments";

  // --- 制定调查提纲和问卷 (Art. 11(3)) ---
  public static final String SURVEY_OUTLINE = "surveyOutline";
  public static final String QUESTIONNAIRE_TITLE = "questionnaireTitle";
  public static final String QUESTIONNAIRE_DAYS = "questionnaireDays";
  public static final String QUESTIONNAIRE_ITEMS = "questionnaireItems"; // Json [{question, type, options}]

  // --- 提供实施情况材料 (Art. 5) ---
  public static final String MATERIAL_FILE_PREFIX = "materialFile"; // materialFile1 … materialFile5 (File)
  public static final int MATERIAL_FILE_SLOTS = cn.jiyuan.decisionreview.shared.UploadLimits.MAX_FILES_PER_FORM;
  public static final String MATERIALS = "materials"; // Json [{id, fileName, mimeType, size, uploadedBy, uploadedAt, url}]
  public static final String IMPLEMENTATION_DATA = "implementationData";
  public static final String IMPLEMENTATION_PROBLEMS = "implementationProblems";
  public static final String IMPLEMENTATION_RISKS = "implementationRisks";
  public static final String IMPLEMENTATION_SUGGESTIONS = "implementationSuggestions";

  // --- 征求意见与调查记录 (Art. 6, 12, 15) ---
  public static final String CONSULTATIONS = "consultations";
  // Json [{channel, date, participants, opinionCount, summary}]

  // --- 分析研判并形成初步结论 (Art. 7, 12(3)) ---
  public static final String SEVERE_ADVERSE_IMPACT = "severeAdverseImpact";
  public static final String LEGALITY_CONFLICT = "legalityConflict";
  public static final String IMPLEMENTATION_PERFORMANCE = "implementationPerformance";
  public static final String INSTITUTIONAL_DESIGN = "institutionalDesign";
  public static final String PRELIMINARY_CONCLUSION = "preliminaryConclusion";
  public static final String RECOMMENDATIONS = "recommendations";
  public static final String OTHER_ISSUES = "otherIssues";

  // --- evaluationGrade (Art. 7, 16) ---
  /** The single result of evaluationGrade, read and removed at once by gradeResultMapping. */
  public static final String GRADE_RESULT = "gradeResult";
  public static final String WEIGHTED_SCORE = "weightedScore";
  /** The score as people read it, "76.0 分" (ScoreText.of), for forms; the report writes it the same way. */
  public static final String WEIGHTED_SCORE_TEXT = "weightedScoreText";
  public static final String EVALUATION_GRADE = "evaluationGrade"; // contract output to tracking
  public static final String SUGGESTED_OUTCOME = "suggestedOutcome";
  public static final String EVALUATION_GRADE_LABEL = "evaluationGradeLabel";
  public static final String SUGGESTED_OUTCOME_LABEL = "suggestedOutcomeLabel";

  // --- report (Art. 13, 14) ---
  public static final String EVALUATION_REPORT = "evaluationReport"; // File, contract output to tracking
  public static final String REPORT_URL = "reportUrl"; // task-local link for Camunda Forms
  public static final String REVISED_REPORT = "revisedReport"; // File, optional upload in 审核报告初稿
  public static final String DRAFT_CONFIRMED = "draftConfirmed";
  public static final String DRAFT_REVIEW_NOTES = "draftReviewNotes";
  public static final String EXPERT_OPTIONS = "expertOptions"; // Json [{label, value}]
  public static final String SELECTED_EXPERTS = "selectedExperts"; // Json array of user ids
  public static final String EXPERT_USERS = "expertUsers"; // List<String>, multi-instance collection
  public static final String EXPERT = "expert"; // multi-instance element variable
  public static final String EXPERT_CONCLUSION = "expertConclusion"; // AGREE | DISAGREE (task-local)
  public static final String EXPERT_OPINION = "expertOpinion"; // task-local
  public static final String DISSENT_REASON = "dissentReason"; // task-local
  public static final String EXPERT_OPINIONS = "expertOpinions"; // Json [{expert, expertName, conclusion, opinion, dissentReason, date}]
  public static final String FINAL_REPORT_NOTES = "finalReportNotes";
  public static final String REPORT_REVISED_BY_TEAM = "reportRevisedByTeam";

  // --- 决策机关审定 (Art. 13(4), 16) ---
  public static final String REPORT_DECISION = "reportDecision"; // APPROVE | RETURN
  public static final String EVALUATION_OUTCOME = "evaluationOutcome"; // contract output to tracking
  public static final String OUTCOME_REASONS = "outcomeReasons";
  public static final String EVALUATION_OUTCOME_LABEL = "evaluationOutcomeLabel";
  public static final String REPORT_RETURN_COMMENTS = "reportReturnComments";
  /** The user who decided 决策机关审定, for the approval page of the report. */
  public static final String REPORT_APPROVED_BY = "reportApprovedBy";
  public static final String AUTHORITY_ATTENTION = "authorityAttention"; // Art. 18 requests arriving mid-evaluation

  // --- 采取补救措施 (Art. 17) / 重新履行决策程序 (Decree 713 Art. 37) ---
  public static final String MITIGATION_MEASURES = "mitigationMeasures";
  public static final String LOSSES_AVOIDED = "lossesAvoided";
  public static final String REMAINING_RISKS = "remainingRisks";
  public static final String RE_DECISION_ARRANGEMENT = "reDecisionArrangement";
  public static final String RE_DECISION_RESPONSIBLE_UNIT = "reDecisionResponsibleUnit";

  // --- output to tracking (contract) ---
  public static final String EVALUATION_COMPLETED_DATE = "evaluationCompletedDate"; // yyyy-MM-dd
  public static final String EVALUATION_STARTED_DATE = "evaluationStartedDate"; // yyyy-MM-dd

  public static List<String> materialFileSlots() {
    return java.util.stream.IntStream.rangeClosed(1, MATERIAL_FILE_SLOTS).mapToObj(i -> MATERIAL_FILE_PREFIX + i).toList();
  }
}
