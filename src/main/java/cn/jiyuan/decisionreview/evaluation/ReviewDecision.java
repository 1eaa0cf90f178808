package cn.jiyuan.decisionreview.evaluation;

/** The authority's decision on the plan (Art. 11(2)) and on the report (Art. 13(4)). Stored by name; the label is what forms and the report show. */
public enum ReviewDecision {
  APPROVE("批准"),
  RETURN("退回");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
