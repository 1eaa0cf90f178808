package cn.jiyuan.decisionreview.rectification;

/** legal-affairs' word in 整改情况审核. */
public enum ReviewOutcome {
  ACCEPT("审核通过，整改事项办结"),
  RETURN("退回，继续整改");

  private final String label;

  ReviewOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
