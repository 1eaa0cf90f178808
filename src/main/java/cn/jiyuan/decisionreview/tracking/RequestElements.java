package cn.jiyuan.decisionreview.tracking;

/**
 * Element ids of {@code evaluation-request} that code and the tests rely on (checked against
 * processes/evaluation-request.bpmn by ModelConventionsTest).
 */
public final class RequestElements {

  private RequestElements() {}

  /** The evaluationTrigger table: accepted or not (Art. 8, 18). */
  public static final String DECIDE = "Task_Trigger";
  /** Hands an accepted request to the decision's tracking, behind an async boundary. */
  public static final String DELIVER = "Task_Deliver";
  /** The requester reads why the request was refused. */
  public static final String REFUSED = "Task_Refused";
}
