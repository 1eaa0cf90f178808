package cn.jiyuan.decisionreview.evaluation;

/** Whole or partial evaluation (Art. 9): a partial one weighs only the dimensions in scope. Stored by name; the label is what forms and the report show. */
public enum EvaluationScope {
  WHOLE("整体评估"),
  PARTIAL("部分评估（第九条）");

  private final String label;

  EvaluationScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
