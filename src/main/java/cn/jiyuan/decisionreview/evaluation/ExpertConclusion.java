package cn.jiyuan.decisionreview.evaluation;

/** An expert's conclusion on the report (Art. 13(2)); a dissent is written into the report. Stored by name; the label is what forms and the report show. */
public enum ExpertConclusion {
  AGREE("同意"),
  DISAGREE("不同意");

  private final String label;

  ExpertConclusion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
