package cn.jiyuan.decisionreview.tracking;

/** Every process variable of {@code decision-tracking} and {@code evaluation-request} (DESIGN.md §4.1, §4.3). */
public final class TrackingVariables {

  private TrackingVariables() {}

  // --- registration (contract) ---
  public static final String DECISION_NUMBER = "decisionNumber";
  public static final String DECISION_TITLE = "decisionTitle";
  public static final String DECISION_CATEGORY = "decisionCategory"; // REFORM | POLICY | PLAN | OTHER
  public static final String BROAD_IMPACT = "broadImpact";
  public static final String IMPLEMENTATION_START = "implementationStart"; // yyyy-MM-dd
  public static final String IMPLEMENTATION_END = "implementationEnd"; // yyyy-MM-dd or empty
  public static final String EXECUTING_UNIT = "executingUnit";
  public static final String SUPERIOR_MANDATED = "superiorMandated";
  public static final String ASSISTING_SUPERIOR = "assistingSuperior";

  // --- schedule (Art. 19) ---
  public static final String TERM_MONTHS = "termMonths";
  public static final String SCHEDULE_ROWS = "scheduleRows"; // DMN result list, transient use
  public static final String SCHEDULED_EVALUATIONS = "scheduledEvaluations"; // Json [{evaluationType, dueMonths, dueDate, legalBasis, status}]
  public static final String HAS_NEXT_SCHEDULED = "hasNextScheduled";
  public static final String NEXT_SCHEDULED_TYPE = "nextScheduledType";
  public static final String NEXT_SCHEDULED_DUE = "nextScheduledDue"; // java.util.Date, timer
  public static final String HAS_MID_TERM = "hasMidTerm";
  /** Set when the schedule changed while tracking waits: the BPMN's 评估安排已调整 event re-arms the timer. */
  public static final String SCHEDULE_REVISED = "scheduleRevised";

  // --- the evaluation being started (contract inputs of post-evaluation) ---
  public static final String EVALUATION_TYPE = "evaluationType";
  public static final String LEGAL_BASIS = "legalBasis";
  public static final String URGENT = "urgent";
  public static final String REQUEST_REASON = "requestReason";
  public static final String REQUEST_DESCRIPTION = "requestDescription";
  public static final String PUBLIC_OPINION_COUNT = "publicOpinionCount";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String MERGED_REQUEST = "mergedRequest"; // Json, a request arriving while evaluating or suspended

  // --- waiver (Art. 20) ---
  public static final String MONTHS_SINCE_LAST_EXECUTION_EVALUATION = "monthsSinceLastExecutionEvaluation";
  public static final String NEW_CIRCUMSTANCES = "newCircumstances";
  public static final String SUPERIOR_ORGANIZES = "superiorOrganizes";
  public static final String EXEMPTION = "exemption"; // DMN single result
  public static final String WAIVER_BASIS = "waiverBasis";
  public static final String WAIVER_DECISION = "waiverDecision"; // CONFIRM | REJECT
  public static final String WAIVER_REASON = "waiverReason";

  // --- results (contract outputs of post-evaluation) ---
  public static final String EVALUATION_OUTCOME = "evaluationOutcome";
  public static final String EVALUATION_GRADE = "evaluationGrade";
  public static final String EVALUATION_REPORT = "evaluationReport";
  public static final String EVALUATION_COMPLETED_DATE = "evaluationCompletedDate";
  public static final String EVALUATION_STARTED_DATE = "evaluationStartedDate";

  // --- history and state ---
  public static final String LAST_EXECUTION_EVALUATION_DATE = "lastExecutionEvaluationDate";
  public static final String EVALUATION_HISTORY = "evaluationHistory"; // Json [{evaluationType, legalBasis, startedDate, completedDate, grade, outcome, waived, waiverReason}]
  public static final String REQUEST_HISTORY = "requestHistory"; // Json [{requestReason, legalBasis, urgent, requestedBy, date, handling}]
  public static final String TRACKING_STATUS = "trackingStatus"; // TRACKING | EVALUATING | SUSPENDED | TERMINATED | COMPLETED
  public static final String RESUME_NOTES = "resumeNotes";

  // --- evaluation-request ---
  public static final String TRIGGER = "trigger"; // DMN single result
  public static final String REQUEST_ACCEPTED = "requestAccepted";
  public static final String REQUEST_HANDLING = "requestHandling"; // STARTED | MERGED | RECORDED
  public static final String REQUEST_REFUSAL_TEXT = "requestRefusalText";

  public static final String MESSAGE_EVALUATION_REQUESTED = "EvaluationRequested"; // contract

  /** Extension property of each event that catches EvaluationRequested: what happens to a request it receives. */
  public static final String PROPERTY_REQUEST_HANDLING = "requestHandling"; // STARTED | MERGED
}
