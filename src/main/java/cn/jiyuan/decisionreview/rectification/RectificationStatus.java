package cn.jiyuan.decisionreview.rectification;

/** Where a rectification item (整改事项) stands. */
public enum RectificationStatus {
  OPEN("待落实"),
  SUBMITTED("待审核"),
  RETURNED("退回重办"),
  CLOSED("已办结"),
  REJECTED("未采纳");

  private final String label;

  RectificationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Still with the responsible unit or the reviewer: it can be overdue. */
  public boolean isOpen() {
    return this == OPEN || this == SUBMITTED || this == RETURNED;
  }
}
