package cn.jiyuan.decisionreview.tracking.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.DmnTableTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/evaluationExemption.dmn} (DESIGN.md §4.1, §5): 第二十条第一款、第二款, and 第十八条 (a risk evaluation is never
 * waived). The FIRST table only offers a waiver; {@code legal-affairs} confirms or rejects it.
 *
 * <p>第二十条第二款 is applied to every type except {@code RISK}, MID_TERM and FINAL included: DESIGN.md §5 puts no type
 * condition on it, and what the superior organises is the 决策评估 as such.
 */
class EvaluationExemptionDmnTest extends DmnTableTest {

  static final Path FILE = Path.of("dmn", "evaluationExemption.dmn");
  static final String DECISION = "evaluationExemption";
  static final List<String> TYPES = List.of("EXECUTION", "MID_TERM", "FINAL", "TRIGGERED", "RISK");

  EvaluationExemptionDmnTest() {
    super(FILE.getFileName().toString(), DECISION);
  }

  @Override
  protected Contract contract() {
    return table("不重复组织评估")
        .hitPolicy(HitPolicy.FIRST)
        .inputs("evaluationType", "monthsSinceLastExecutionEvaluation", "newCircumstances", "superiorOrganizes",
            "assistingSuperior")
        .inputTypes("string", "integer", "boolean", "boolean", "boolean")
        .outputs("waivable", "legalBasis").outputTypes("boolean", "string")
        .rules("rule_risk", "rule_superiorOrganizes", "rule_recentExecutionEvaluation", "rule_notWaivable")
        .citing("第(十八|二十)条").citingOutput("legalBasis");
  }

  @Override
  protected Stream<VariableMap> rowInputs() {
    return rules().map(arguments -> ((Due) arguments.get()[1]).variables());
  }

  record Due(String evaluationType, Integer monthsSinceLastExecutionEvaluation, Boolean newCircumstances,
      Boolean superiorOrganizes, Boolean assistingSuperior) {

    /** Nothing that waives: never evaluated before, no superior. */
    static Due of(String type) {
      return new Due(type, null, false, false, false);
    }

    Due months(Integer value) {
      return new Due(evaluationType, value, newCircumstances, superiorOrganizes, assistingSuperior);
    }

    Due newCircumstances(Boolean value) {
      return new Due(evaluationType, monthsSinceLastExecutionEvaluation, value, superiorOrganizes, assistingSuperior);
    }

    Due superior(Boolean organizes, Boolean assisting) {
      return new Due(evaluationType, monthsSinceLastExecutionEvaluation, newCircumstances, organizes, assisting);
    }

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("evaluationType", evaluationType)
          .putValue("monthsSinceLastExecutionEvaluation", monthsSinceLastExecutionEvaluation)
          .putValue("newCircumstances", newCircumstances)
          .putValue("superiorOrganizes", superiorOrganizes)
          .putValue("assistingSuperior", assistingSuperior);
    }
  }

  static Arguments row(String name, Due due, boolean waivable, String legalBasis, String rule) {
    return Arguments.of(name, due, waivable, legalBasis, rule);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        // rule_risk
        row("第十八条: RISK is never waivable, even with the superior organising",
            Due.of("RISK").superior(true, false), false, "第十八条", "rule_risk"),
        row("第十八条: RISK is never waivable, even 1 month after an execution evaluation with nothing new",
            Due.of("RISK").months(1).newCircumstances(false), false, "第十八条", "rule_risk"),
        row("第十八条: RISK with nothing to waive is not waivable", Due.of("RISK"), false, "第十八条", "rule_risk"),
        // rule_superiorOrganizes
        row("第二十条第二款: superior organises, this unit not assisting → EXECUTION waivable",
            Due.of("EXECUTION").superior(true, false), true, "第二十条第二款", "rule_superiorOrganizes"),
        row("第二十条第二款: superior organises → TRIGGERED waivable",
            Due.of("TRIGGERED").superior(true, false), true, "第二十条第二款", "rule_superiorOrganizes"),
        row("第二十条第二款: superior organises → MID_TERM waivable (DESIGN: no type condition)",
            Due.of("MID_TERM").superior(true, false), true, "第二十条第二款", "rule_superiorOrganizes"),
        row("第二十条第二款: superior organises → FINAL waivable (DESIGN: no type condition)",
            Due.of("FINAL").superior(true, false), true, "第二十条第二款", "rule_superiorOrganizes"),
        row("第二十条第二款: assistingSuperior unset (null) counts as not assisting",
            Due.of("EXECUTION").superior(true, null), true, "第二十条第二款", "rule_superiorOrganizes"),
        row("第二十条第二款: applies also with new circumstances",
            Due.of("EXECUTION").months(3).newCircumstances(true).superior(true, false), true, "第二十条第二款",
            "rule_superiorOrganizes"),
        row("第二十条第二款: outranks 第一款 when both apply",
            Due.of("EXECUTION").months(3).superior(true, false), true, "第二十条第二款", "rule_superiorOrganizes"),
        row("第二十条第二款 除外: this unit assists the superior → not waivable",
            Due.of("EXECUTION").superior(true, true), false, "", "rule_notWaivable"),
        row("第二十条第二款 除外: FINAL while assisting the superior → not waivable",
            Due.of("FINAL").superior(true, true), false, "", "rule_notWaivable"),
        row("第二十条第二款: superiorOrganizes unset (null) → not waivable",
            Due.of("MID_TERM").superior(null, false), false, "", "rule_notWaivable"),
        // rule_recentExecutionEvaluation
        row("第二十条第一款: EXECUTION 11 months after the last one, nothing new → waivable",
            Due.of("EXECUTION").months(11), true, "第二十条第一款", "rule_recentExecutionEvaluation"),
        row("第二十条第一款: EXECUTION 0 months after the last one, nothing new → waivable",
            Due.of("EXECUTION").months(0), true, "第二十条第一款", "rule_recentExecutionEvaluation"),
        row("第二十条第一款: TRIGGERED 6 months after the last execution evaluation, nothing new → waivable",
            Due.of("TRIGGERED").months(6), true, "第二十条第一款", "rule_recentExecutionEvaluation"),
        row("第二十条第一款: newCircumstances unset (null) counts as nothing new",
            Due.of("EXECUTION").months(11).newCircumstances(null), true, "第二十条第一款",
            "rule_recentExecutionEvaluation"),
        row("第二十条第一款: still applies when this unit assists the superior (第二款 除外 only excludes 第二款)",
            Due.of("EXECUTION").months(5).superior(true, true), true, "第二十条第一款", "rule_recentExecutionEvaluation"),
        row("第二十条第一款: EXECUTION 12 months after the last one → not waivable",
            Due.of("EXECUTION").months(12), false, "", "rule_notWaivable"),
        row("第二十条第一款: TRIGGERED 12 months after the last one → not waivable",
            Due.of("TRIGGERED").months(12), false, "", "rule_notWaivable"),
        row("第二十条第一款: never evaluated before (null) → not waivable",
            Due.of("EXECUTION").months(null), false, "", "rule_notWaivable"),
        row("第二十条第一款: new circumstances within 11 months → not waivable",
            Due.of("EXECUTION").months(11).newCircumstances(true), false, "", "rule_notWaivable"),
        row("第二十条第一款: does not apply to MID_TERM",
            Due.of("MID_TERM").months(3), false, "", "rule_notWaivable"),
        row("第二十条第一款: does not apply to FINAL",
            Due.of("FINAL").months(3), false, "", "rule_notWaivable"),
        // rule_notWaivable
        row("第二十条: nothing applies → not waivable", Due.of("EXECUTION"), false, "", "rule_notWaivable"),
        row("第二十条: an unknown type is not waivable, even with the superior organising",
            Due.of("SOMETHING").months(1).superior(true, false), false, "", "rule_notWaivable"),
        row("第二十条: a missing type is not waivable", Due.of(null).months(1).superior(true, false), false, "",
            "rule_notWaivable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRule(String name, Due due, boolean waivable, String legalBasis, String rule) {
    DmnDecisionResultEntries result = evaluate(due);

    assertThat(matchedRules).as("matched rules").first().isEqualTo(rule);
    assertThat(result.keySet()).containsExactly("waivable", "legalBasis");
    assertThat(result.get("waivable")).isInstanceOf(Boolean.class).isEqualTo(waivable);
    assertThat(result.get("legalBasis")).isInstanceOf(String.class).isEqualTo(legalBasis);
  }

  static Stream<Arguments> monthBoundaries() {
    return Stream.of(Arguments.of(11, true), Arguments.of(12, false), Arguments.of(13, false),
        Arguments.of(null, false));
  }

  @ParameterizedTest(name = "第二十条第一款: EXECUTION {0} months after the last execution evaluation → waivable {1}")
  @MethodSource("monthBoundaries")
  void withinTwelveMonths(Integer months, boolean waivable) {
    assertThat((Boolean) evaluate(Due.of("EXECUTION").months(months)).get("waivable")).isEqualTo(waivable);
  }

  @Test
  void 第十八条_第二十条_everyCombinationFollowsTheArticles() {
    List<Boolean> flags = Arrays.asList(true, false, null);
    List<Integer> months = Arrays.asList(null, 0, 1, 11, 12, 13, 24);
    List<String> types = new ArrayList<>(TYPES);
    types.add(null);
    for (String type : types) {
      for (Integer m : months) {
        for (Boolean news : flags) {
          for (Boolean organizes : flags) {
            for (Boolean assisting : flags) {
              Due due = new Due(type, m, news, organizes, assisting);
              String expected = "";
              if (type != null && !"RISK".equals(type)) {
                if (Boolean.TRUE.equals(organizes) && !Boolean.TRUE.equals(assisting)) {
                  expected = "第二十条第二款";
                } else if (List.of("EXECUTION", "TRIGGERED").contains(type) && m != null && m < 12
                    && !Boolean.TRUE.equals(news)) {
                  expected = "第二十条第一款";
                }
              } else if ("RISK".equals(type)) {
                expected = "第十八条";
              }
              DmnDecisionResultEntries result = evaluate(due);

              assertThat((Boolean) result.get("waivable")).as(due.toString())
                  .isEqualTo(expected.startsWith("第二十条"));
              assertThat((String) result.get("legalBasis")).as(due.toString()).isEqualTo(expected);
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "第十八条: RISK is never waivable ({0} months)")
  @ValueSource(ints = {0, 11, 12})
  void riskIsNeverWaivable(int months) {
    for (Boolean flag : Arrays.asList(true, false, null)) {
      for (Boolean other : Arrays.asList(true, false, null)) {
        assertThat((Boolean) evaluate(new Due("RISK", months, flag, true, other)).get("waivable")).isFalse();
        assertThat((Boolean) evaluate(new Due("RISK", months, other, flag, false)).get("waivable")).isFalse();
      }
    }
  }

  @Test
  void theDecisionDocumentsTheMidTermAndFinalChoice() {
    Decision decisionElement = model().getModelElementById(DECISION);

    assertThat(decisionElement.getDescription().getTextContent()).as("the decision documents the MID_TERM/FINAL choice")
        .contains("中期评估和终期评估");
  }

  DmnDecisionResultEntries evaluate(Due due) {
    return engine.evaluateDecision(decision, due.variables()).getSingleResult();
  }
}
