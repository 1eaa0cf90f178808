package cn.jiyuan.decisionreview.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Element ids of post-evaluation (contract with the forms, the deadline table and the tests). */
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

  // --- the machine steps and events behind an async boundary (see the README's transaction boundaries) ---
  public static final String NOTIFY_EVALUATION_STARTED = "Task_NotifyEvaluationStarted";
  public static final String WEIGHTED_SCORE = "Task_WeightedScore";
  public static final String WEIGHTED_SCORE_SIMPLIFIED = "Task_WeightedScoreSimplified";
  public static final String GENERATE_DRAFT = "Task_GenerateDraft";
  public static final String GENERATE_FINAL = "Task_GenerateFinal";
  public static final String RECORD_APPROVAL = "Task_RecordApproval";
  public static final String ARCHIVE = "Task_Archive";
  /** The online questionnaire takes answers here until its timer or message {@link EvaluationMessages#SURVEY_CLOSED_EARLY}. */
  public static final String COLLECT_SURVEY_RESPONSES = "Task_CollectSurveyResponses";
  public static final String AGGREGATE_SURVEY = "Task_AggregateSurvey";
  public static final String END_COMPLETED = "EndEvent_Completed";
  public static final String CHECK_AGENCY_ELIGIBILITY = "Task_CheckAgencyEligibility";

  // --- the simplified path's twins (same forms, same rules) ---
  public static final String SUPPLY_MATERIALS_SIMPLIFIED = "Task_SupplyMaterialsSimplified";
  public static final String RECORD_CONSULTATIONS_SIMPLIFIED = "Task_RecordConsultationsSimplified";
  public static final String ANALYSIS_SIMPLIFIED = "Task_AnalysisSimplified";

  /**
   * The extension property (Modeler: Extensions → Properties) that names the form rules, and the step of the report's
   * timeline, of a user task: the simplified path's tasks name their full twin. Explicit, so that renaming a task in
   * Modeler cannot silently change what is checked.
   */
  public static final String FORM_RULES_PROPERTY = "formRules";

  private TaskKeys() {}

  /** The rule set the task declares, e.g. Task_AnalysisSimplified → Task_Analysis; null when it declares none. */
  public static String ruleSet(DelegateTask task) {
    return ruleSet((ModelElementInstance) task.getBpmnModelElementInstance());
  }

  /** The rule set of a task of a deployed model (for tasks in the history). */
  public static String ruleSet(BpmnModelInstance model, String taskDefinitionKey) {
    return model == null ? null : ruleSet((ModelElementInstance) model.getModelElementById(taskDefinitionKey));
  }

  static String ruleSet(ModelElementInstance element) {
    if (!(element instanceof BaseElement base) || base.getExtensionElements() == null) {
      return null;
    }
    return base.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> FORM_RULES_PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }
}
