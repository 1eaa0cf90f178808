package cn.jiyuan.decisionreview.shared;

/**
 * Where an evaluation stands (Art. 10–17), for 督办: the phases of the full procedure (Art. 11 准备, Art. 12 实施,
 * Art. 13 结论形成), what comes before them (确定评估方式, the agency) and after them (remedies, re-decision, archive),
 * and the decision's own tracking. The simplified procedure (Art. 15) has no preparation: its one subprocess takes
 * the place of 实施阶段 and is labelled so ({@link ProcessPhases.Phase#label()}).
 */
public enum EvaluationPhase {
  TRACKING("决策跟踪"),
  START("评估启动"),
  PREPARATION("准备阶段"),
  IMPLEMENTATION("实施阶段"),
  CONCLUSION("结论形成阶段"),
  FOLLOW_UP("结果运用");

  private final String label;

  EvaluationPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
