package cn.jiyuan.decisionreview.rectification;

/** The responsible unit's own account of an item in 落实整改事项 (Art. 17). */
public enum UnitStatus {
  DONE("已完成"),
  PARTIAL("部分完成"),
  IMPOSSIBLE("无法完成");

  private final String label;

  UnitStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
