package cn.jiyuan.decisionreview.tracking;

/** Where a decision's tracking stands (DESIGN.md §4.1); stored by name in {@code trackingStatus} and dr_decision. */
public enum TrackingStatus {
  TRACKING("跟踪中"),
  EVALUATING("评估中"),
  SUSPENDED("中止执行"),
  TERMINATED("已终止"),
  COMPLETED("跟踪结束");

  private final String label;

  TrackingStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** TERMINATED and COMPLETED end the tracking; the number stays taken. */
  public boolean ended() {
    return this == TERMINATED || this == COMPLETED;
  }
}
