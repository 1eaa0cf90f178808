package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.AuthorityItemDecision;
import cn.jiyuan.decisionreview.evaluation.RecommendationKind;
import java.time.Instant;

/** One row of {@code dr_rectification_item} (V13). */
public record RectificationItem(String id, String evaluationInstanceId, String trackingInstanceId,
    String decisionNumber, int seq, String originalText, String text, AuthorityItemDecision authorityDecision,
    String decidedBy, String responsibleUnit, RecommendationKind kind, int deadlineWorkingDays, Instant dueAt,
    RectificationStatus status, String rectificationInstanceId, String measures, String evidence,
    UnitStatus unitStatus, String unitReason, String reportedBy, Instant reportedAt, ReviewOutcome reviewOutcome,
    String reviewRemark, String reviewedBy, Instant reviewedAt, int returnCount, Instant createdAt,
    Instant closedAt) {

  /** Past its due time and not yet closed. */
  public boolean overdueAt(Instant now) {
    return status.isOpen() && dueAt != null && dueAt.isBefore(now);
  }

  /** Counted as carried out: closed by the reviewer with the unit reporting it done (Art. 16 follow-through). */
  public boolean carriedOut() {
    return status == RectificationStatus.CLOSED && unitStatus == UnitStatus.DONE;
  }
}
