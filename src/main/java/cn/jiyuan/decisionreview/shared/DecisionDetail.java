package cn.jiyuan.decisionreview.shared;

/**
 * A part of {@code GET /api/decisions/{n}} that another feature owns (e.g. the rectification items of each
 * evaluation): the registry adds {@link #of} under {@link #key()} without depending on that feature.
 */
public interface DecisionDetail {

  /** The JSON key of this part. */
  String key();

  /** This part for the decision tracked by {@code trackingProcessInstanceId}. */
  Object of(String trackingProcessInstanceId);
}
