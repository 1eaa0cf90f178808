package cn.jiyuan.decisionreview.evaluation;

/** User-task ids of post-evaluation; the simplified path reuses the forms and rules of its full twin. */
public final class TaskKeys {

  public static final String DETERMINE_METHOD = "Task_DetermineMethod";
  public static final String SELECT_AGENCY = "Task_SelectAgency";
  public static final String FORM_TEAM = "Task_FormTeam";
  public static final String DRAFT_PLAN = "Task_DraftPlan";
  public static final String APPROVE_PLAN = "Task_ApprovePlan";
  public static final String DESIGN_SURVEY = "Task_DesignSurvey";
  public static final String SUPPLY_MATERIALS = "Task_SupplyMaterials";
  public static final String RECORD_CONSULTATIONS = "Task_RecordConsultations";
  public static final String ANALYSIS = "Task_Analysis";
  public static final String REVIEW_DRAFT = "Task_ReviewDraft";
  public static final String SELECT_EXPERTS = "Task_SelectExperts";
  public static final String EXPERT_OPINION = "Task_ExpertOpinion";
  public static final String FINALIZE_REPORT = "Task_FinalizeReport";
  public static final String AUTHORITY_APPROVAL = "Task_AuthorityApproval";
  public static final String MITIGATION = "Task_Mitigation";
  public static final String RE_DECISION = "Task_ReDecision";

  static final String SIMPLIFIED_SUFFIX = "Simplified";

  private TaskKeys() {}

  /** Task_AnalysisSimplified → Task_Analysis. */
  public static String canonical(String taskDefinitionKey) {
    return taskDefinitionKey != null && taskDefinitionKey.endsWith(SIMPLIFIED_SUFFIX)
        ? taskDefinitionKey.substring(0, taskDefinitionKey.length() - SIMPLIFIED_SUFFIX.length())
        : taskDefinitionKey;
  }
}
