package cn.jiyuan.decisionreview.participation;

import java.time.Instant;

/** One row of {@code dr_published_summary}: what the authority chose to publish of an approved evaluation (Art. 16). */
public record PublishedSummary(String processInstanceId, String decisionNumber, String decisionTitle,
    String evaluationType, String grade, String outcome, String keyFindings, String summary, Instant approvedAt,
    boolean showRectification) {

  /** A summary without the rectification progress (the authority did not choose to show it). */
  public PublishedSummary(String processInstanceId, String decisionNumber, String decisionTitle, String evaluationType,
      String grade, String outcome, String keyFindings, String summary, Instant approvedAt) {
    this(processInstanceId, decisionNumber, decisionTitle, evaluationType, grade, outcome, keyFindings, summary,
        approvedAt, false);
  }
}
