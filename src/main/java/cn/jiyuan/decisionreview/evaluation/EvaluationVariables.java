package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.shared.EvaluationHandOver;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.shared.SelectOption;
import java.time.LocalDate;
import java.util.List;

/**
 * Every process variable of {@code post-evaluation} (DESIGN.md §4.2), each declared once with its name and type. Names
 * marked contract are shared with {@code decision-tracking}, the forms and external callers; the stored form is what
 * it always was (codes by name, dates as yyyy-MM-dd text, lists as Json), so forms and Tasklist read the same values.
 * File variables and the DMN results read once are plain names, as the engine hands them over untyped.
 */
public final class EvaluationVariables {

  private EvaluationVariables() {}

  // --- input (contract) ---
  public static final ProcessVariable<String> DECISION_NUMBER = EvaluationHandOver.DECISION_NUMBER;
  public static final ProcessVariable<String> DECISION_TITLE = EvaluationHandOver.DECISION_TITLE;
  public static final ProcessVariable<String> EXECUTING_UNIT = EvaluationHandOver.EXECUTING_UNIT;
  /** An {@code EvaluationCodes.EVALUATION_TYPES} code, shared with decision tracking. */
  public static final ProcessVariable<String> EVALUATION_TYPE = EvaluationHandOver.EVALUATION_TYPE;
  public static final ProcessVariable<String> LEGAL_BASIS = EvaluationHandOver.LEGAL_BASIS;
  public static final ProcessVariable<Boolean> URGENT = EvaluationHandOver.URGENT;

  // --- 确定评估方式 (Art. 9, 15, 21) ---
  public static final ProcessVariable<EvaluatorType> EVALUATOR_TYPE =
      ProcessVariable.enumerated("evaluatorType", EvaluatorType.class);
  public static final ProcessVariable<Procedure> PROCEDURE_TYPE = ProcessVariable.enumerated("procedureType", Procedure.class);
  public static final ProcessVariable<String> SIMPLIFIED_JUSTIFICATION = ProcessVariable.text("simplifiedJustification");
  public static final ProcessVariable<EvaluationScope> EVALUATION_SCOPE =
      ProcessVariable.enumerated("evaluationScope", EvaluationScope.class);
  /** Json array of {@link Dimension} names. */
  public static final ProcessVariable<List<String>> DIMENSIONS_IN_SCOPE =
      ProcessVariable.jsonList("dimensionsInScope", String.class);
  /** A group id. */
  public static final ProcessVariable<String> UNDERTAKING_UNIT = ProcessVariable.text("undertakingUnit");
  /** The group that does the evaluation tasks: the undertaking unit, or the agency's group when commissioned. */
  public static final ProcessVariable<String> EVALUATOR_GROUP = ProcessVariable.text("evaluatorGroup");
  /** Options for the undertaking-unit select. */
  public static final ProcessVariable<List<SelectOption>> UNDERTAKING_UNIT_OPTIONS =
      ProcessVariable.jsonList("undertakingUnitOptions", SelectOption.class);

  // --- 选择受委托评估机构 (Art. 21, 22, 25) ---
  public static final ProcessVariable<List<SelectOption>> AGENCY_OPTIONS =
      ProcessVariable.jsonList("agencyOptions", SelectOption.class);
  public static final ProcessVariable<String> AGENCY_ID = ProcessVariable.text("agencyId");
  public static final ProcessVariable<String> AGENCY_NAME = ProcessVariable.text("agencyName");
  public static final ProcessVariable<String> AGENCY_GROUP = ProcessVariable.text("agencyGroup");
  public static final ProcessVariable<String> COMMISSION_SCOPE = ProcessVariable.text("commissionScope");
  public static final ProcessVariable<Boolean> NO_SUBCONTRACTING_DECLARED = ProcessVariable.bool("noSubcontractingDeclared");
  public static final ProcessVariable<List<ExternalExpert>> EXTERNAL_EXPERTS =
      ProcessVariable.jsonList("externalExperts", ExternalExpert.class);
  public static final ProcessVariable<Boolean> AGENCY_ELIGIBLE = ProcessVariable.bool("agencyEligible");
  /** The output of agencyEligibility at 核验机构资格, kept as a Json record (Java serialization is disabled). */
  public static final ProcessVariable<AgencyEligibilityCheck.Result> AGENCY_CHECK =
      ProcessVariable.json("agencyCheck", AgencyEligibilityCheck.Result.class);
  public static final ProcessVariable<String> AGENCY_REFUSAL_REASON = ProcessVariable.text("agencyRefusalReason");

  // --- 成立评估小组 (Art. 4, 11(1)) ---
  public static final ProcessVariable<List<TeamMember>> TEAM_MEMBERS = ProcessVariable.jsonList("teamMembers", TeamMember.class);

  // --- 制定评估方案 / 审批评估方案 (Art. 11(2)) ---
  public static final ProcessVariable<String> PLAN_PURPOSE = ProcessVariable.text("planPurpose");
  public static final ProcessVariable<String> PLAN_OBJECT_CONTENT = ProcessVariable.text("planObjectContent");
  public static final ProcessVariable<String> PLAN_STANDARDS_METHODS = ProcessVariable.text("planStandardsMethods");
  public static final ProcessVariable<String> PLAN_STEPS_SCHEDULE = ProcessVariable.text("planStepsSchedule");
  /** 元, as the number field submits it. */
  public static final ProcessVariable<Double> PLAN_BUDGET = ProcessVariable.decimal("planBudget");
  /** Task-local, for 审批评估方案 to show: the budget with digit grouping, e.g. "180,000 元". */
  public static final ProcessVariable<String> PLAN_BUDGET_TEXT = ProcessVariable.text("planBudgetText");
  public static final ProcessVariable<String> PLAN_ORGANISATION = ProcessVariable.text("planOrganisation");
  public static final ProcessVariable<ReviewDecision> PLAN_DECISION =
      ProcessVariable.enumerated("planDecision", ReviewDecision.class);
  public static final ProcessVariable<String> PLAN_REVIEW_COMMENTS = ProcessVariable.text("planReviewComments");

  // --- 制定调查提纲和问卷 (Art. 11(3)) ---
  public static final ProcessVariable<String> SURVEY_OUTLINE = ProcessVariable.text("surveyOutline");
  public static final ProcessVariable<String> QUESTIONNAIRE_TITLE = ProcessVariable.text("questionnaireTitle");
  public static final ProcessVariable<Long> QUESTIONNAIRE_DAYS = ProcessVariable.wholeNumber("questionnaireDays");
  public static final ProcessVariable<List<QuestionnaireItem>> QUESTIONNAIRE_ITEMS =
      ProcessVariable.jsonList("questionnaireItems", QuestionnaireItem.class);
  /** Contract: the unguessable id of the online questionnaire (participation), set when 制定调查提纲和问卷 completes. */
  public static final ProcessVariable<String> SURVEY_ID = ProcessVariable.text("surveyId");
  /** When the questionnaire stops taking answers (ISO-8601 with offset): the timer of 网上问卷征集 waits for it. */
  public static final ProcessVariable<String> SURVEY_CLOSES_AT = ProcessVariable.text("surveyClosesAt");

  // --- 汇总问卷结果 (Art. 12): the aggregate only; the answers stay in dr_survey_response ---
  public static final ProcessVariable<SurveyResults> SURVEY_RESULTS = ProcessVariable.json("surveyResults",
      SurveyResults.class);
  public static final ProcessVariable<Integer> SURVEY_RESPONSE_COUNT = ProcessVariable.integer("surveyResponseCount");

  // --- 提供实施情况材料 (Art. 5) ---
  /** materialFile1 … materialFile5 (File). */
  public static final String MATERIAL_FILE_PREFIX = "materialFile";
  public static final int MATERIAL_FILE_SLOTS = cn.jiyuan.decisionreview.shared.UploadLimits.MAX_FILES_PER_FORM;
  public static final ProcessVariable<List<Material>> MATERIALS = ProcessVariable.jsonList("materials", Material.class);
  public static final ProcessVariable<String> IMPLEMENTATION_DATA = ProcessVariable.text("implementationData");
  public static final ProcessVariable<String> IMPLEMENTATION_PROBLEMS = ProcessVariable.text("implementationProblems");
  public static final ProcessVariable<String> IMPLEMENTATION_RISKS = ProcessVariable.text("implementationRisks");
  public static final ProcessVariable<String> IMPLEMENTATION_SUGGESTIONS = ProcessVariable.text("implementationSuggestions");

  // --- 征求意见与调查记录 (Art. 6, 12, 15) ---
  public static final ProcessVariable<List<Consultation>> CONSULTATIONS =
      ProcessVariable.jsonList("consultations", Consultation.class);

  // --- 分析研判并形成初步结论 (Art. 7, 12(3)); the scores and findings are declared by Dimension ---
  public static final ProcessVariable<Boolean> SEVERE_ADVERSE_IMPACT = ProcessVariable.bool("severeAdverseImpact");
  public static final ProcessVariable<Boolean> LEGALITY_CONFLICT = ProcessVariable.bool("legalityConflict");
  public static final ProcessVariable<String> IMPLEMENTATION_PERFORMANCE = ProcessVariable.text("implementationPerformance");
  public static final ProcessVariable<String> INSTITUTIONAL_DESIGN = ProcessVariable.text("institutionalDesign");
  public static final ProcessVariable<String> PRELIMINARY_CONCLUSION = ProcessVariable.text("preliminaryConclusion");
  public static final ProcessVariable<String> RECOMMENDATIONS = ProcessVariable.text("recommendations");
  public static final ProcessVariable<String> OTHER_ISSUES = ProcessVariable.text("otherIssues");

  // --- evaluationGrade (Art. 7, 16) ---
  /** The single result of evaluationGrade, read and removed at once by gradeResultMapping. */
  public static final ProcessVariable<GradeResult> GRADE_RESULT = ProcessVariable.json("gradeResult", GradeResult.class);
  public static final ProcessVariable<Double> WEIGHTED_SCORE = ProcessVariable.decimal("weightedScore");
  /** The score as people read it, "76.0 分" (ScoreText.of), for forms; the report writes it the same way. */
  public static final ProcessVariable<String> WEIGHTED_SCORE_TEXT = ProcessVariable.text("weightedScoreText");
  /** Contract output to tracking: an {@code EvaluationCodes.GRADES} code. */
  public static final ProcessVariable<String> EVALUATION_GRADE = EvaluationHandOver.EVALUATION_GRADE;
  public static final ProcessVariable<String> SUGGESTED_OUTCOME = ProcessVariable.text("suggestedOutcome");
  public static final ProcessVariable<String> EVALUATION_GRADE_LABEL = ProcessVariable.text("evaluationGradeLabel");
  public static final ProcessVariable<String> SUGGESTED_OUTCOME_LABEL = ProcessVariable.text("suggestedOutcomeLabel");

  // --- report (Art. 13, 14) ---
  /** File, contract output to tracking. */
  public static final String EVALUATION_REPORT = EvaluationHandOver.EVALUATION_REPORT;
  /** Task-local link for Camunda Forms. */
  public static final ProcessVariable<String> REPORT_URL = ProcessVariable.text("reportUrl");
  /** Links for Camunda Forms: the public's opinions on the decision and the questionnaire's raw answers (Excel). */
  public static final ProcessVariable<String> OPINIONS_URL = ProcessVariable.text("opinionsUrl");
  public static final ProcessVariable<String> SURVEY_ANSWERS_URL = ProcessVariable.text("surveyAnswersUrl");
  /** File, optional upload in 审核报告初稿. */
  public static final String REVISED_REPORT = "revisedReport";
  public static final ProcessVariable<Boolean> DRAFT_CONFIRMED = ProcessVariable.bool("draftConfirmed");
  public static final ProcessVariable<String> DRAFT_REVIEW_NOTES = ProcessVariable.text("draftReviewNotes");
  public static final ProcessVariable<List<SelectOption>> EXPERT_OPTIONS =
      ProcessVariable.jsonList("expertOptions", SelectOption.class);
  /** Json array of user ids. */
  public static final ProcessVariable<List<String>> SELECTED_EXPERTS = ProcessVariable.jsonList("selectedExperts", String.class);
  /** The multi-instance collection. */
  public static final ProcessVariable<List<String>> EXPERT_USERS = ProcessVariable.javaList("expertUsers");
  /** The multi-instance element variable. */
  public static final ProcessVariable<String> EXPERT = ProcessVariable.text("expert");
  /** Task-local, like the opinion and the dissent. */
  public static final ProcessVariable<ExpertConclusion> EXPERT_CONCLUSION =
      ProcessVariable.enumerated("expertConclusion", ExpertConclusion.class);
  public static final ProcessVariable<String> EXPERT_OPINION = ProcessVariable.text("expertOpinion");
  public static final ProcessVariable<String> DISSENT_REASON = ProcessVariable.text("dissentReason");
  public static final ProcessVariable<List<ExpertOpinion>> EXPERT_OPINIONS =
      ProcessVariable.jsonList("expertOpinions", ExpertOpinion.class);
  public static final ProcessVariable<String> FINAL_REPORT_NOTES = ProcessVariable.text("finalReportNotes");
  /** Why fewer online responses than {@code minSurveyResponses} came in: the quality gate of 正式形成评估报告. */
  public static final ProcessVariable<String> SURVEY_SHORTFALL_REASON = ProcessVariable.text("surveyShortfallReason");
  /** Task-local on 正式形成评估报告: the configured fewest responses, so that the form states the rule it is held to. */
  public static final ProcessVariable<Integer> MIN_SURVEY_RESPONSES = ProcessVariable.integer("minSurveyResponses");
  public static final ProcessVariable<Boolean> REPORT_REVISED_BY_TEAM = ProcessVariable.bool("reportRevisedByTeam");

  // --- 整改建议 (Art. 16, 17): entered in 分析研判 and 正式形成评估报告, decided one by one at 决策机关审定 ---
  /**
   * Options of the recommendation list's 责任单位 ({@code valuesKey}): the executing units and the other groups a
   * recommendation may go to, read from the directory when 分析研判 or 正式形成评估报告 is created.
   */
  public static final ProcessVariable<List<SelectOption>> RESPONSIBLE_UNIT_OPTIONS =
      ProcessVariable.jsonList("responsibleUnitOptions", SelectOption.class);
  /** The report's recommendations as a list; each accepted one becomes a rectification item (整改事项). */
  public static final ProcessVariable<List<Recommendation>> RECOMMENDATION_ITEMS =
      ProcessVariable.jsonList("recommendationItems", Recommendation.class);
  /** Task-local-prepared on 决策机关审定: one row per recommendation with the authority's accept/modify/reject. */
  public static final ProcessVariable<List<RecommendationDecision>> RECOMMENDATION_DECISIONS =
      ProcessVariable.jsonList("recommendationDecisions", RecommendationDecision.class);
  /** The authority's choice to show in the published summary how many recommendations were carried out. */
  public static final ProcessVariable<Boolean> PUBLISH_RECTIFICATION_PROGRESS =
      ProcessVariable.bool("publishRectificationProgress");
  /** 实际使用经费（元）, recorded in 正式形成评估报告 against the plan's budget (meta-evaluation). */
  public static final ProcessVariable<Double> BUDGET_USED = ProcessVariable.decimal("budgetUsed");
  /** The previous evaluation's rectification items with their status, set when this evaluation starts (Art. 16). */
  public static final ProcessVariable<List<PreviousRectification>> PREVIOUS_RECTIFICATIONS =
      ProcessVariable.jsonList("previousRectifications", PreviousRectification.class);
  /** The same as one Chinese text for the form and the report (无 when there were none). */
  public static final ProcessVariable<String> PREVIOUS_RECTIFICATIONS_TEXT = ProcessVariable.text("previousRectificationsText");

  // --- 决策机关审定 (Art. 13(4), 16) ---
  public static final ProcessVariable<ReviewDecision> REPORT_DECISION =
      ProcessVariable.enumerated("reportDecision", ReviewDecision.class);
  /** Contract output to tracking: an {@code EvaluationCodes.OUTCOMES} code. */
  public static final ProcessVariable<String> EVALUATION_OUTCOME = EvaluationHandOver.EVALUATION_OUTCOME;
  public static final ProcessVariable<String> OUTCOME_REASONS = ProcessVariable.text("outcomeReasons");
  public static final ProcessVariable<String> EVALUATION_OUTCOME_LABEL = ProcessVariable.text("evaluationOutcomeLabel");
  public static final ProcessVariable<String> REPORT_RETURN_COMMENTS = ProcessVariable.text("reportReturnComments");
  /** Whether the authority publishes a summary of the approved report on /public/evaluations. */
  public static final ProcessVariable<Boolean> PUBLISH_SUMMARY = ProcessVariable.bool("publishSummary");
  public static final ProcessVariable<String> PUBLIC_SUMMARY = ProcessVariable.text("publicSummary");
  public static final ProcessVariable<String> PUBLIC_KEY_FINDINGS = ProcessVariable.text("publicKeyFindings");
  /** The user who decided 决策机关审定, for the approval page of the report. */
  public static final ProcessVariable<String> REPORT_APPROVED_BY = ProcessVariable.text("reportApprovedBy");
  /** Art. 18 requests arriving mid-evaluation, set by decision tracking. */
  public static final ProcessVariable<Boolean> AUTHORITY_ATTENTION = EvaluationHandOver.AUTHORITY_ATTENTION;

  // --- 采取补救措施 (Art. 17) / 重新履行决策程序 (Decree 713 Art. 37) ---
  public static final ProcessVariable<String> MITIGATION_MEASURES = ProcessVariable.text("mitigationMeasures");
  public static final ProcessVariable<String> LOSSES_AVOIDED = ProcessVariable.text("lossesAvoided");
  public static final ProcessVariable<String> REMAINING_RISKS = ProcessVariable.text("remainingRisks");
  public static final ProcessVariable<String> RE_DECISION_ARRANGEMENT = ProcessVariable.text("reDecisionArrangement");
  public static final ProcessVariable<String> RE_DECISION_RESPONSIBLE_UNIT = ProcessVariable.text("reDecisionResponsibleUnit");

  // --- output to tracking (contract) ---
  public static final ProcessVariable<LocalDate> EVALUATION_COMPLETED_DATE = EvaluationHandOver.EVALUATION_COMPLETED_DATE;
  public static final ProcessVariable<LocalDate> EVALUATION_STARTED_DATE = EvaluationHandOver.EVALUATION_STARTED_DATE;

  public static List<String> materialFileSlots() {
    return java.util.stream.IntStream.rangeClosed(1, MATERIAL_FILE_SLOTS).mapToObj(EvaluationVariables::materialFile).toList();
  }

  /** The name of the n-th material file slot (1-based). */
  public static String materialFile(int slot) {
    return MATERIAL_FILE_PREFIX + slot;
  }
}
