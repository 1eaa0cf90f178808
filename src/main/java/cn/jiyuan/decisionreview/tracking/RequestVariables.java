package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.ProcessVariable;

/**
 * The variables only {@code evaluation-request} has (DESIGN.md §4.3). What it hands to tracking (decisionNumber,
 * requestReason, legalBasis, urgent, requestDescription, requestedBy) is declared once, in {@link TrackingVariables};
 * so is {@code decisionTitle}, which the start listener copies from the tracking so that Cockpit shows the title.
 */
public final class RequestVariables {

  private RequestVariables() {}

  public static final ProcessVariable<Integer> PUBLIC_OPINION_COUNT = ProcessVariable.integer("publicOpinionCount");
  /** The evaluationTrigger table's single result. */
  public static final String TRIGGER = "trigger";
  public static final ProcessVariable<Boolean> REQUEST_ACCEPTED = ProcessVariable.bool("requestAccepted");
  public static final ProcessVariable<RequestRecord.Handling> REQUEST_HANDLING =
      ProcessVariable.enumerated("requestHandling", RequestRecord.Handling.class);
  public static final ProcessVariable<String> REQUEST_REFUSAL_TEXT = ProcessVariable.text("requestRefusalText");
  /** The requester's acknowledgement of the refusal (form request-refused). */
  public static final ProcessVariable<Boolean> REFUSAL_ACKNOWLEDGED = ProcessVariable.bool("refusalAcknowledged");
  /** The reason's Chinese label, shown by the refusal form. */
  public static final ProcessVariable<String> REQUEST_REASON_LABEL = ProcessVariable.text("requestReasonLabel");
}
