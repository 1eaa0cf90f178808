package cn.jiyuan.decisionreview.evaluation;

/** The authority's word on one recommendation at 决策机关审定 (Art. 16). */
public enum AuthorityItemDecision {
  ACCEPT("采纳"),
  MODIFY("修改后采纳"),
  REJECT("不采纳");

  private final String label;

  AuthorityItemDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
