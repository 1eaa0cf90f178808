package cn.jiyuan.decisionreview.tracking;

/**
 * Element ids of {@code decision-tracking} that code, the deadline table and the tests rely on. ModelConventionsTest
 * fails when one of them is no longer in processes/decision-tracking.bpmn, so an element renamed in Modeler is caught.
 */
public final class TrackingElements {

  private TrackingElements() {}

  public static final String SCHEDULE = "Task_Schedule";
  public static final String REPORT_HALF_PROGRESS = "Task_ReportHalfProgress";
  public static final String BRING_MID_TERM_FORWARD = "Task_BringMidTermForward";
  /** The timer of the next scheduled evaluation (Art. 19). */
  public static final String SCHEDULED_DUE = "Timer_ScheduledDue";
  /** The request events while tracking waits: with a scheduled evaluation pending, and without one. */
  public static final String REQUESTED = "Message_Requested";
  public static final String REQUESTED_ONLY = "Message_RequestedOnly";
  public static final String CHECK_EXEMPTION = "Task_CheckExemption";
  public static final String CONFIRM_WAIVER = "Task_ConfirmWaiver";
  public static final String RECORD_WAIVER = "Task_RecordWaiver";
  public static final String POST_EVALUATION = "CallActivity_PostEvaluation";
  public static final String MERGE_REQUEST = "Task_MergeRequest";
  public static final String RECORD_RESULT = "Task_RecordResult";
  public static final String RESUME = "Task_Resume";
  public static final String MERGE_REQUEST_SUSPENDED = "Task_MergeRequestSuspended";
}
