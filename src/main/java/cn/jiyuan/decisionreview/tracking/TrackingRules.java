package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.tracking.RequestRecord.Handling;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules of decision tracking that are not tables (Art. 16, 18, 19, 20), as pure functions: the delegates read
 * variables, call these, and write the answer back. Tested without an engine ({@code TrackingRulesTest}).
 */
public final class TrackingRules {

  private TrackingRules() {}

  /** A requested evaluation is an Art. 18 risk evaluation for a dispute, otherwise an Art. 8 triggered one. */
  public static String evaluationTypeOfRequest(String requestReason) {
    return "EXECUTION_RISK".equals(requestReason) ? "RISK" : "TRIGGERED";
  }

  /** A changed legal basis or a dispute is by itself a new circumstance in the sense of Art. 20 ¶1. */
  public static boolean isNewCircumstance(String requestReason) {
    return "LEGAL_BASIS_CHANGED".equals(requestReason) || "EXECUTION_RISK".equals(requestReason);
  }

  /** Art. 20's twelve months count from the last execution evaluation (scheduled or triggered). */
  public static boolean countsAsExecutionEvaluation(String evaluationType) {
    return "EXECUTION".equals(evaluationType) || "TRIGGERED".equals(evaluationType);
  }

  /** Whole months since the last execution evaluation, or null when there was none. */
  public static Integer monthsSinceLastExecutionEvaluation(LocalDate last, LocalDate today) {
    return last == null ? null : EvaluationSchedule.monthsBetween(last, today);
  }

  /** What the authority's outcome means for tracking (Art. 16); the final evaluation ends it otherwise. */
  public static TrackingStatus statusAfter(String outcome, String evaluationType) {
    if ("SUSPEND".equals(outcome)) {
      return TrackingStatus.SUSPENDED;
    }
    if ("TERMINATE".equals(outcome)) {
      return TrackingStatus.TERMINATED;
    }
    return "FINAL".equals(evaluationType) ? TrackingStatus.COMPLETED : TrackingStatus.TRACKING;
  }

  /** Only an Art. 18 risk merged into a running evaluation is brought to the authority's attention. */
  public static boolean needsAuthorityAttention(EvaluationRequest merged) {
    return "EXECUTION_RISK".equals(merged.requestReason());
  }

  /** Plain text: the form shows values as text, and the description is what someone typed. */
  public static String authorityAttentionText(EvaluationRequest merged) {
    String description = merged.requestDescription();
    return "评估期间执行单位报告了较大争议、风险或重大分歧（第十八条）："
        + (description == null || description.isBlank() ? "（未说明）" : description);
  }

  /**
   * What a request delivered now becomes, from the {@code requestHandling} properties of the events waiting for it:
   * none waiting → RECORDED; any that merges → MERGED; otherwise STARTED.
   */
  public static Handling handling(List<String> waitingEventProperties) {
    if (waitingEventProperties.isEmpty()) {
      return Handling.RECORDED;
    }
    for (String property : waitingEventProperties) {
      if (!Handling.STARTED.name().equals(property) && !Handling.MERGED.name().equals(property)) {
        throw new IllegalArgumentException("requestHandling");
      }
    }
    return waitingEventProperties.contains(Handling.MERGED.name()) ? Handling.MERGED : Handling.STARTED;
  }

  /** The refusal a requester reads: the table's reason (it alone knows the threshold) and, for opinions, the count. */
  public static String refusalText(String refusalReason, String requestReason, Integer publicOpinionCount) {
    String reason = refusalReason == null || refusalReason.isBlank() ? "申请不符合第八条、第十八条规定的受理情形" : refusalReason;
    if ("PUBLIC_OPINIONS".equals(requestReason)) {
      return reason + "（本次申请填写的公众意见为 " + (publicOpinionCount == null ? 0 : publicOpinionCount) + " 条）。";
    }
    return reason + "。";
  }
}
