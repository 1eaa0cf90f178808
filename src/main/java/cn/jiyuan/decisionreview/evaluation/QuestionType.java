package cn.jiyuan.decisionreview.evaluation;

/** The kind of a questionnaire question (Art. 11(3)); choice questions need options. Stored by name; the label is what forms and the report show. */
public enum QuestionType {
  SINGLE("单选"),
  MULTIPLE("多选"),
  SCALE("满意度"),
  TEXT("文字回答");

  private final String label;

  QuestionType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Single and multiple choice questions list their options. */
  public boolean isChoice() {
    return this == SINGLE || this == MULTIPLE;
  }
}
