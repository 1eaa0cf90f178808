package cn.jiyuan.decisionreview.evaluation;

/** Who evaluates (Art. 21): the authority itself through an undertaking unit, or a commissioned agency. Stored by name; the label is what forms and the report show. */
public enum EvaluatorType {
  SELF("自行评估"),
  COMMISSIONED("委托评估");

  private final String label;

  EvaluatorType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
