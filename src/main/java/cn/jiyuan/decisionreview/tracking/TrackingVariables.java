package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.EvaluationHandOver;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The variables of {@code decision-tracking} (DESIGN.md §4.1), each declared once with its name and type. The
 * request's own variables are in {@link RequestVariables}; those it hands to tracking are declared here.
 */
public final class TrackingVariables {

  private TrackingVariables() {}

  // --- registration (contract) ---
  public static final ProcessVariable<String> DECISION_NUMBER = EvaluationHandOver.DECISION_NUMBER;
  public static final ProcessVariable<String> DECISION_TITLE = EvaluationHandOver.DECISION_TITLE;
  /** REFORM | POLICY | PLAN | OTHER ({@link TrackingCodes#CATEGORIES}). */
  public static final ProcessVariable<String> DECISION_CATEGORY = ProcessVariable.text("decisionCategory");
  public static final ProcessVariable<Boolean> BROAD_IMPACT = ProcessVariable.bool("broadImpact");
  public static final ProcessVariable<LocalDate> IMPLEMENTATION_START = ProcessVariable.date("implementationStart");
  /** Empty when open-ended. */
  public static final ProcessVariable<LocalDate> IMPLEMENTATION_END = ProcessVariable.date("implementationEnd");
  public static final ProcessVariable<String> EXECUTING_UNIT = EvaluationHandOver.EXECUTING_UNIT;
  public static final ProcessVariable<Boolean> SUPERIOR_MANDATED = ProcessVariable.bool("superiorMandated");
  public static final ProcessVariable<Boolean> ASSISTING_SUPERIOR = ProcessVariable.bool("assistingSuperior");

  // --- schedule (Art. 19) ---
  /** Absent when open-ended (DESIGN.md: empty), which the evaluationSchedule table reads as null. */
  public static final ProcessVariable<Integer> TERM_MONTHS = ProcessVariable.integer("termMonths");
  /**
   * The evaluationSchedule table's result: the engine's own transient {@code decisionResult}, local to the business
   * rule task and read once by its end listener. A result variable would be stored, written to history twice and
   * removed again in the same transaction (about 5 statements and a serialized list per registration).
   */
  public static final String SCHEDULE_RESULT = "decisionResult";
  public static final ProcessVariable<List<ScheduledEvaluation>> SCHEDULED_EVALUATIONS =
      ProcessVariable.jsonList("scheduledEvaluations", ScheduledEvaluation.class);
  public static final ProcessVariable<String> NEXT_SCHEDULED_TYPE = ProcessVariable.text("nextScheduledType");
  /** The timer's date: ISO 8601 with the Beijing offset, e.g. 2027-01-01T00:00+08:00; unset or null when none is pending. */
  public static final ProcessVariable<String> NEXT_SCHEDULED_DUE = ProcessVariable.text("nextScheduledDue");
  /** Transient: read only by the gateway 有中期评估？ in the registration's own transaction, so never stored. */
  public static final ProcessVariable<Boolean> HAS_MID_TERM = ProcessVariable.bool("hasMidTerm");
  /**
   * Set when the schedule changed while tracking waits: the BPMN's 评估安排已调整 event re-arms the timer. Not
   * written at registration; missing means not revised.
   */
  public static final ProcessVariable<Boolean> SCHEDULE_REVISED = ProcessVariable.bool("scheduleRevised");
  /** What the executing unit reports with 报告执行进度过半 (form report-progress). */
  public static final ProcessVariable<String> PROGRESS_DESCRIPTION = ProcessVariable.text("progressDescription");

  // --- the evaluation being started (contract inputs of post-evaluation) ---
  public static final ProcessVariable<String> EVALUATION_TYPE = EvaluationHandOver.EVALUATION_TYPE;
  public static final ProcessVariable<String> LEGAL_BASIS = EvaluationHandOver.LEGAL_BASIS;
  public static final ProcessVariable<Boolean> URGENT = EvaluationHandOver.URGENT;
  public static final ProcessVariable<String> REQUEST_REASON = ProcessVariable.text("requestReason");
  public static final ProcessVariable<String> REQUEST_DESCRIPTION = ProcessVariable.text("requestDescription");
  public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.text("requestedBy");
  /** A request arriving while evaluating or suspended. */
  public static final ProcessVariable<EvaluationRequest> MERGED_REQUEST =
      ProcessVariable.json("mergedRequest", EvaluationRequest.class);

  // --- waiver (Art. 20) ---
  public static final ProcessVariable<Integer> MONTHS_SINCE_LAST_EXECUTION_EVALUATION =
      ProcessVariable.integer("monthsSinceLastExecutionEvaluation");
  public static final ProcessVariable<Boolean> NEW_CIRCUMSTANCES = ProcessVariable.bool("newCircumstances");
  public static final ProcessVariable<Boolean> SUPERIOR_ORGANIZES = ProcessVariable.bool("superiorOrganizes");
  /** The evaluationExemption table's single result. */
  public static final String EXEMPTION = "exemption";
  public static final ProcessVariable<String> WAIVER_BASIS = ProcessVariable.text("waiverBasis");
  /** CONFIRM | REJECT. */
  public static final ProcessVariable<String> WAIVER_DECISION = ProcessVariable.text("waiverDecision");
  public static final ProcessVariable<String> WAIVER_REASON = ProcessVariable.text("waiverReason");

  // --- results (contract outputs of post-evaluation) ---
  public static final ProcessVariable<String> EVALUATION_OUTCOME = EvaluationHandOver.EVALUATION_OUTCOME;
  public static final ProcessVariable<String> EVALUATION_GRADE = EvaluationHandOver.EVALUATION_GRADE;
  public static final String EVALUATION_REPORT = EvaluationHandOver.EVALUATION_REPORT; // File, passed through
  public static final ProcessVariable<LocalDate> EVALUATION_COMPLETED_DATE = EvaluationHandOver.EVALUATION_COMPLETED_DATE;
  public static final ProcessVariable<LocalDate> EVALUATION_STARTED_DATE = EvaluationHandOver.EVALUATION_STARTED_DATE;

  // --- history and state ---
  public static final ProcessVariable<LocalDate> LAST_EXECUTION_EVALUATION_DATE =
      ProcessVariable.date("lastExecutionEvaluationDate");
  public static final ProcessVariable<List<EvaluationRecord>> EVALUATION_HISTORY =
      ProcessVariable.jsonList("evaluationHistory", EvaluationRecord.class);
  public static final ProcessVariable<List<RequestRecord>> REQUEST_HISTORY =
      ProcessVariable.jsonList("requestHistory", RequestRecord.class);
  public static final ProcessVariable<TrackingStatus> TRACKING_STATUS =
      ProcessVariable.enumerated("trackingStatus", TrackingStatus.class);
  public static final ProcessVariable<String> RESUME_NOTES = ProcessVariable.text("resumeNotes");

  /** Set on the running evaluation when an Art. 18 risk is reported meanwhile (read by its approval form). */
  public static final ProcessVariable<Boolean> AUTHORITY_ATTENTION = EvaluationHandOver.AUTHORITY_ATTENTION;
  public static final ProcessVariable<String> AUTHORITY_ATTENTION_TEXT = ProcessVariable.text("authorityAttentionText");

  public static final String MESSAGE_EVALUATION_REQUESTED = "EvaluationRequested"; // contract

  /** Extension property of each event that catches EvaluationRequested: what happens to a request it receives. */
  public static final String PROPERTY_REQUEST_HANDLING = "requestHandling"; // STARTED | MERGED

  /** The request as the message carries it: the variables of DESIGN.md §4.3 plus the description and requester. */
  public static EvaluationRequest request(Map<String, ?> variables) {
    return new EvaluationRequest(REQUEST_REASON.from(variables), LEGAL_BASIS.from(variables), URGENT.from(variables),
        REQUEST_DESCRIPTION.from(variables), REQUESTED_BY.from(variables));
  }
}
