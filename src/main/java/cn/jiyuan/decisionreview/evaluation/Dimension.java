package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.util.Arrays;
import java.util.Optional;

/** The six assessment dimensions of Art. 7, with their score and findings variables and default weights. */
public enum Dimension {
  LEGALITY("第七条第（一）项", "合法性与协调性", "scoreLegality", "findingsLegality", 15),
  EXECUTION("第七条第（二）项", "执行情况与措施的必要性、适当性", "scoreExecution", "findingsExecution", 20),
  PROCEDURE("第七条第（三）项", "执行程序的正当性与可操作性", "scoreProcedure", "findingsProcedure", 10),
  ALIGNMENT("第七条第（四）项", "与经济社会发展方向的符合程度及公众认知度、满意度", "scoreAlignment", "findingsAlignment", 20),
  EFFECT("第七条第（五）项", "近期效益与长远影响", "scoreEffect", "findingsEffect", 15),
  OBJECTIVES("第七条第（六）项", "实施结果与决策目的的符合程度", "scoreObjectives", "findingsObjectives", 20);

  private final String article;
  private final String label;
  private final String scoreVariable;
  private final String findingsVariable;
  private final int defaultWeight;
  private final ProcessVariable<Integer> score;
  private final ProcessVariable<String> findings;

  Dimension(String article, String label, String scoreVariable, String findingsVariable, int defaultWeight) {
    this.article = article;
    this.label = label;
    this.scoreVariable = scoreVariable;
    this.findingsVariable = findingsVariable;
    this.defaultWeight = defaultWeight;
    this.score = ProcessVariable.integer(scoreVariable);
    this.findings = ProcessVariable.text(findingsVariable);
  }

  /** The score variable (0–100, an input of evaluationGrade); null when out of scope (Art. 9). */
  public ProcessVariable<Integer> score() {
    return score;
  }

  public ProcessVariable<String> findings() {
    return findings;
  }

  public String article() {
    return article;
  }

  public String label() {
    return label;
  }

  public String scoreVariable() {
    return scoreVariable;
  }

  public String findingsVariable() {
    return findingsVariable;
  }

  public int defaultWeight() {
    return defaultWeight;
  }

  public static Optional<Dimension> fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst();
  }
}
