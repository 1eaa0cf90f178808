package cn.jiyuan.decisionreview.evaluation.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.support.DmnTableTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/evaluationGrade.dmn} (DESIGN.md §5): the DRD of the literal expression {@code weightedScore} (第七条、第九条)
 * and the table {@code evaluationGrade} (第七条、第十六条).
 */
class EvaluationGradeDmnTest extends DmnTableTest {

  static final Path FILE = Path.of("dmn", "evaluationGrade.dmn");

  EvaluationGradeDmnTest() {
    super(FILE.getFileName().toString(), "evaluationGrade");
  }

  @Override
  protected Contract contract() {
    return table("评估等级")
        .hitPolicy(HitPolicy.UNIQUE, HitPolicy.FIRST)
        .inputs("weightedScore", "severeAdverseImpact", "legalityConflict")
        .outputs("grade", "suggestedOutcome")
        .rules(10)
        .citing("第七条", "第十六条");
  }

  @Override
  protected Stream<VariableMap> rowInputs() {
    return gradeRules().map(arguments -> (VariableMap) arguments.get()[1]);
  }

  /** The literal expression the table requires. */
  DmnDecision weightedScore() {
    return dmn.graph.getDecision("weightedScore");
  }

  // ---------------------------------------------------------------- variables

  /** All six dimensions in scope with the same score: the weighted score is that score. */
  static VariableMap uniform(double score) {
    VariableMap variables = Variables.createVariables();
    for (Dimension d : Dimension.values()) {
      variables.putValue(d.scoreVariable(), score);
    }
    return variables;
  }

  /** Only the given dimensions in scope; the others are null (第九条 partial evaluation). */
  static VariableMap partial(Object... dimensionAndScore) {
    VariableMap variables = Variables.createVariables();
    for (Dimension d : Dimension.values()) {
      variables.putValue(d.scoreVariable(), null);
    }
    for (int i = 0; i < dimensionAndScore.length; i += 2) {
      variables.putValue(((Dimension) dimensionAndScore[i]).scoreVariable(), dimensionAndScore[i + 1]);
    }
    return variables;
  }

  static VariableMap flags(VariableMap scores, Boolean severeAdverseImpact, Boolean legalityConflict) {
    return Variables.fromMap(new LinkedHashMap<>(scores))
        .putValue("severeAdverseImpact", severeAdverseImpact)
        .putValue("legalityConflict", legalityConflict);
  }

  Double score(VariableMap variables) {
    Object value = engine.evaluateDecision(weightedScore(), variables).getSingleEntry();
    return (Double) value;
  }

  DmnDecisionResult evaluate(VariableMap variables) {
    return engine.evaluateDecision(decision, variables);
  }

  // ---------------------------------------------------------------- weightedScore

  static Stream<Arguments> weightedScores() {
    return Stream.of(
        Arguments.of("第七条: all six dimensions at 100 give 100", uniform(100), 100.0),
        Arguments.of("第七条: all six dimensions at 0 give 0", uniform(0), 0.0),
        Arguments.of("第七条: default weights 15/20/10/20/15/20 over 90/80/70/60/50/40 give 64",
            partial(Dimension.LEGALITY, 90, Dimension.EXECUTION, 80, Dimension.PROCEDURE, 70,
                Dimension.ALIGNMENT, 60, Dimension.EFFECT, 50, Dimension.OBJECTIVES, 40), 64.0),
        Arguments.of("第七条: decimal scores are weighed exactly",
            partial(Dimension.LEGALITY, 88.5, Dimension.EXECUTION, 91.25, Dimension.PROCEDURE, 79.9,
                Dimension.ALIGNMENT, 85, Dimension.EFFECT, 70.5, Dimension.OBJECTIVES, 95),
            (15 * 88.5 + 20 * 91.25 + 10 * 79.9 + 20 * 85 + 15 * 70.5 + 20 * 95) / 100),
        Arguments.of("第九条: partial evaluation of LEGALITY=95 and EFFECT=70 renormalises to 82.5",
            partial(Dimension.LEGALITY, 95, Dimension.EFFECT, 70), 82.5),
        Arguments.of("第九条: partial evaluation without PROCEDURE renormalises over 90",
            partial(Dimension.LEGALITY, 100, Dimension.EXECUTION, 100, Dimension.ALIGNMENT, 100,
                Dimension.EFFECT, 100, Dimension.OBJECTIVES, 10), (15 * 100 + 20 * 100 + 20 * 100 + 15 * 100 + 20 * 10) / 90.0),
        Arguments.of("第九条: a single dimension in scope gives its own score",
            partial(Dimension.PROCEDURE, 73), 73.0),
        Arguments.of("第九条: no dimension in scope gives no score", partial(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weightedScores")
  void weightedScore(String name, VariableMap scores, Double expected) {
    Double actual = score(scores);
    if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat(actual).isCloseTo(expected, within(1e-9));
    }
  }

  @ParameterizedTest(name = "第七条: the weight of {0} in the expression is its default weight")
  @EnumSource(Dimension.class)
  void theWeightsInTheExpressionAreTheDefaultWeights(Dimension dimension) {
    VariableMap variables = uniform(0).putValue(dimension.scoreVariable(), 100);

    assertThat(score(variables)).isCloseTo((double) dimension.defaultWeight(), within(1e-9));
  }

  @Test
  void 第九条_scoreVariablesThatAreNotSetAtAllCountAsOutOfScope() {
    VariableMap variables = Variables.createVariables().putValue("scoreLegality", 95).putValue("scoreEffect", 70);

    assertThat(score(variables)).isEqualTo(82.5);
  }

  @Test
  void 第七条_integerLongAndDoubleScoresAreAllNumbers() {
    VariableMap variables = partial(Dimension.LEGALITY, 95, Dimension.EFFECT, 70L, Dimension.OBJECTIVES, 80.0);

    assertThat(score(variables)).isCloseTo((15 * 95 + 15 * 70 + 20 * 80) / 50.0, within(1e-9));
  }

  // ---------------------------------------------------------------- evaluationGrade table

  static Arguments row(String name, VariableMap scores, Boolean severe, Boolean conflict, String grade,
      String outcome, String rule) {
    return Arguments.of(name, flags(scores, severe, conflict), grade, outcome, rule);
  }

  static Stream<Arguments> gradeRules() {
    return Stream.of(
        // rule_excellent
        row("第七条、第十六条: 90 is EXCELLENT, CONTINUE", uniform(90), false, false, "EXCELLENT", "CONTINUE",
            "rule_excellent"),
        row("第七条、第十六条: 100 is EXCELLENT, CONTINUE", uniform(100), false, false, "EXCELLENT", "CONTINUE",
            "rule_excellent"),
        // rule_excellentConflict
        row("第七条第（一）项、第十六条: EXCELLENT with a legality conflict is ADJUST, not CONTINUE", uniform(95), false,
            true, "EXCELLENT", "ADJUST", "rule_excellentConflict"),
        // rule_excellentLowered
        row("第七条、第十六条、降一档: EXCELLENT with severe adverse impact becomes GOOD", uniform(95), true, false, "GOOD",
            "CONTINUE", "rule_excellentLowered"),
        // rule_excellentLoweredConflict
        row("第七条、第十六条、降一档: EXCELLENT lowered to GOOD with a legality conflict is ADJUST", uniform(90), true,
            true, "GOOD", "ADJUST", "rule_excellentLoweredConflict"),
        // rule_good
        row("第七条、第十六条: 89.9 is GOOD, CONTINUE", uniform(89.9), false, false, "GOOD", "CONTINUE", "rule_good"),
        row("第七条、第十六条: 80 is GOOD, CONTINUE", uniform(80), false, false, "GOOD", "CONTINUE", "rule_good"),
        row("第九条、第七条: partial LEGALITY=95 and EFFECT=70 → 82.5 → GOOD",
            partial(Dimension.LEGALITY, 95, Dimension.EFFECT, 70), false, false, "GOOD", "CONTINUE", "rule_good"),
        // rule_goodConflict
        row("第七条第（一）项、第十六条: GOOD with a legality conflict is ADJUST, not CONTINUE", uniform(85), false, true,
            "GOOD", "ADJUST", "rule_goodConflict"),
        // rule_goodLowered
        row("第七条、第十六条、降一档: GOOD with severe adverse impact becomes FAIR, ADJUST", uniform(85), true, false,
            "FAIR", "ADJUST", "rule_goodLowered"),
        row("第七条、第十六条、降一档: GOOD lowered to FAIR with a legality conflict stays ADJUST", uniform(80), true, true,
            "FAIR", "ADJUST", "rule_goodLowered"),
        // rule_fair
        row("第七条、第十六条: 79.9 is FAIR, ADJUST", uniform(79.9), false, false, "FAIR", "ADJUST", "rule_fair"),
        row("第七条、第十六条: 60 is FAIR, ADJUST", uniform(60), false, false, "FAIR", "ADJUST", "rule_fair"),
        row("第七条第（一）项、第十六条: FAIR with a legality conflict is ADJUST", uniform(70), false, true, "FAIR",
            "ADJUST", "rule_fair"),
        // rule_fairLowered
        row("第七条、第十六条、降一档: FAIR with severe adverse impact becomes POOR, SUSPEND", uniform(70), true, false,
            "POOR", "SUSPEND", "rule_fairLowered"),
        row("第七条、第十六条、降一档: 60 lowered to POOR with a legality conflict is SUSPEND", uniform(60), true, true,
            "POOR", "SUSPEND", "rule_fairLowered"),
        // rule_poor
        row("第七条、第十六条: 59.9 is POOR, SUSPEND", uniform(59.9), false, false, "POOR", "SUSPEND", "rule_poor"),
        row("第七条、第十六条: 0 is POOR, SUSPEND", uniform(0), false, false, "POOR", "SUSPEND", "rule_poor"),
        row("第七条、第十六条、降一档: POOR with severe adverse impact stays POOR", uniform(40), true, false, "POOR",
            "SUSPEND", "rule_poor"),
        row("第七条第（一）项、第十六条: POOR with a legality conflict is SUSPEND", uniform(40), true, true, "POOR",
            "SUSPEND", "rule_poor"),
        // null flags count as false
        row("第七条、第十六条: unset severeAdverseImpact and legalityConflict count as false", uniform(92), null, null,
            "EXCELLENT", "CONTINUE", "rule_excellent"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gradeRules")
  void eachRule(String name, VariableMap variables, String expectedGrade, String expectedOutcome, String rule) {
    DmnDecisionResult result = evaluate(variables);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries row = result.getSingleResult();
    assertThat(row.keySet()).containsExactlyInAnyOrder("grade", "suggestedOutcome");
    assertThat((String) row.get("grade")).isEqualTo(expectedGrade);
    assertThat((String) row.get("suggestedOutcome")).isEqualTo(expectedOutcome);
    assertThat(matchedRules).as("matched rule").containsExactly(rule);
  }

  static Stream<Arguments> boundaries() {
    return Stream.of(
        Arguments.of(59.9, "POOR"), Arguments.of(60.0, "FAIR"), Arguments.of(79.9, "FAIR"),
        Arguments.of(80.0, "GOOD"), Arguments.of(89.9, "GOOD"), Arguments.of(89.999999, "GOOD"),
        Arguments.of(90.0, "EXCELLENT"));
  }

  @ParameterizedTest(name = "第七条: weighted score {0} is {1}")
  @MethodSource("boundaries")
  void boundaries(double score, String expectedGrade) {
    DmnDecisionResultEntries row = evaluate(flags(uniform(score), false, false)).getSingleResult();

    assertThat((String) row.get("grade")).isEqualTo(expectedGrade);
  }

  static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "FAIR", "POOR");
  static final double[] SWEEP = {0, 30, 59.9, 60, 70, 79.9, 80, 85, 89.9, 90, 95, 100};

  @Test
  void 降一档_severeAdverseImpactLowersTheGradeByExactlyOneStepAndPoorStaysPoor() {
    for (double s : SWEEP) {
      for (boolean conflict : new boolean[] {false, true}) {
        String normal = (String) evaluate(flags(uniform(s), false, conflict)).getSingleResult().get("grade");
        String lowered = (String) evaluate(flags(uniform(s), true, conflict)).getSingleResult().get("grade");
        String expected = GRADES.get(Math.min(GRADES.indexOf(normal) + 1, GRADES.size() - 1));

        assertThat(lowered).as("score %s, conflict %s", s, conflict).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "第七条第（一）项、第十六条: a legality conflict never yields CONTINUE (severeAdverseImpact={0})")
  @ValueSource(booleans = {false, true})
  void aLegalityConflictNeverYieldsContinue(boolean severe) {
    for (double s : SWEEP) {
      DmnDecisionResultEntries withConflict = evaluate(flags(uniform(s), severe, true)).getSingleResult();
      DmnDecisionResultEntries without = evaluate(flags(uniform(s), severe, false)).getSingleResult();

      assertThat((String) withConflict.get("suggestedOutcome")).as("score %s", s).isIn("ADJUST", "SUSPEND");
      assertThat((String) withConflict.get("grade")).as("the conflict does not change the grade, score %s", s)
          .isEqualTo(without.get("grade"));
      if ("POOR".equals(withConflict.get("grade"))) {
        assertThat((String) withConflict.get("suggestedOutcome")).isEqualTo("SUSPEND");
      }
    }
  }

  @Test
  void 第十六条_theOutcomeFollowsTheGradeWithoutAConflict() {
    Map<String, String> outcomeOf = Map.of("EXCELLENT", "CONTINUE", "GOOD", "CONTINUE", "FAIR", "ADJUST", "POOR",
        "SUSPEND");
    for (double s : SWEEP) {
      for (boolean severe : new boolean[] {false, true}) {
        DmnDecisionResultEntries row = evaluate(flags(uniform(s), severe, false)).getSingleResult();

        assertThat((String) row.get("suggestedOutcome")).as("score %s, severe %s", s, severe)
            .isEqualTo(outcomeOf.get((String) row.get("grade")));
      }
    }
  }

  @Test
  void 第九条_anEvaluationWithNoDimensionInScopeGetsNoGrade() {
    assertThat(evaluate(flags(partial(), false, false))).isEmpty();
  }

  @Test
  void theDrdKeepsItsContract() {
    Decision scoreElement = model().getModelElementById("weightedScore");

    assertThat(scoreElement.getCamundaHistoryTimeToLiveString()).isEqualTo("P10958D");
    assertThat(scoreElement.getVariable().getName()).isEqualTo("weightedScore");
    assertThat(scoreElement.getVariable().getTypeRef()).isEqualTo("double");
    assertThat(scoreElement.getExpression()).isInstanceOf(LiteralExpression.class);
    assertThat(decision.getRequiredDecisions()).extracting(DmnDecision::getKey).containsExactly("weightedScore");
  }

  @Test
  void 降一档_everyLoweringRuleSaysSo() {
    DecisionTable table = (DecisionTable) ((Decision) model().getModelElementById("evaluationGrade")).getExpression();
    for (Rule rule : table.getRules()) {
      String annotation = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
      String grade = rule.getOutputEntries().iterator().next().getText().getTextContent();
      String severe = new ArrayList<>(rule.getInputEntries()).get(1).getText().getTextContent();
      if ("true".equals(severe) && !"\"POOR\"".equals(grade) || rule.getId().endsWith("Lowered")) {
        assertThat(annotation).as("annotation of " + rule.getId()).contains("造成恶劣影响的降一档");
      }
    }
  }
}
