package cn.jiyuan.decisionreview.evaluation;

/** What a recommendation asks for (Art. 16: modify the decision, improve supporting rules, enforcement, management). */
public enum RecommendationKind {
  DECISION_CONTENT("修改决策内容"),
  SUPPORTING_RULES("完善配套制度"),
  ENFORCEMENT("改进行政执法"),
  ADMINISTRATION("改进行政管理"),
  OTHER("其他");

  private final String label;

  RecommendationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
