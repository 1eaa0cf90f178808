package cn.jiyuan.decisionreview.evaluation;

/** The procedure (Art. 10–15): the full one, or the simplified one of Art. 15. Stored by name; the label is what forms and the report show. */
public enum Procedure {
  FULL("完整程序（第十条至第十四条）"),
  SIMPLIFIED("简易程序（第十五条）");

  private final String label;

  Procedure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
