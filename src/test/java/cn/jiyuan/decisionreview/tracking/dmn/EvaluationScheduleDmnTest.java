package cn.jiyuan.decisionreview.tracking.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.DmnTableTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/evaluationSchedule.dmn} (DESIGN.md §4.1, §5): 第十九条第一款、第二款、第三款. A COLLECT table: each matching
 * rule is one scheduled evaluation, {@code evaluationType} at {@code dueMonths} months after
 * {@code implementationStart}.
 */
class EvaluationScheduleDmnTest extends DmnTableTest {

  static final Path FILE = Path.of("dmn", "evaluationSchedule.dmn");
  static final String DECISION = "evaluationSchedule";

  EvaluationScheduleDmnTest() {
    super(FILE.getFileName().toString(), DECISION);
  }

  @Override
  protected Contract contract() {
    return table("定期评估安排")
        .hitPolicy(HitPolicy.COLLECT)
        .inputs("decisionCategory", "broadImpact", "termMonths").inputTypes("string", "boolean", "integer")
        .outputs("evaluationType", "dueMonths").outputTypes("string", "integer")
        .rules(4)
        .citing("第十九条第[一二三]款");
  }

  @Override
  protected Stream<VariableMap> rowInputs() {
    return rules().map(arguments -> ((Registration) arguments.get()[1]).variables());
  }

  /** The inputs of the table; {@code termMonths} null means open-ended (no {@code implementationEnd}). */
  record Registration(String decisionCategory, Boolean broadImpact, Object termMonths) {

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("decisionCategory", decisionCategory)
          .putValue("broadImpact", broadImpact)
          .putValue("termMonths", termMonths);
    }
  }

  /** One scheduled evaluation, as the table returns it. */
  record Scheduled(String evaluationType, Integer dueMonths) {

    @Override
    public String toString() {
      return evaluationType + "/" + dueMonths;
    }
  }

  static Scheduled at(String type, int months) {
    return new Scheduled(type, months);
  }

  static Registration reg(String category, Boolean broadImpact, Integer termMonths) {
    return new Registration(category, broadImpact, termMonths);
  }

  static Arguments row(String name, Registration registration, List<Scheduled> expected, String... rules) {
    return Arguments.of(name, registration, expected, List.of(rules));
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        // rule_executionReform
        row("第十九条第一款: DESIGN example — REFORM, open-ended → exactly EXECUTION/12",
            reg("REFORM", false, null), List.of(at("EXECUTION", 12)), "rule_executionReform"),
        row("第十九条第一款: REFORM needs no broadImpact (null) → EXECUTION/12",
            reg("REFORM", null, null), List.of(at("EXECUTION", 12)), "rule_executionReform"),
        row("第十九条第一款: REFORM with broadImpact and a 24-month term → EXECUTION/12 only",
            reg("REFORM", true, 24), List.of(at("EXECUTION", 12)), "rule_executionReform"),
        row("第十九条第一款、第三款: REFORM of 59 months gets no final evaluation",
            reg("REFORM", false, 59), List.of(at("EXECUTION", 12)), "rule_executionReform"),
        // rule_executionPolicy
        row("第十九条第一款: POLICY with broadImpact, open-ended → EXECUTION/12",
            reg("POLICY", true, null), List.of(at("EXECUTION", 12)), "rule_executionPolicy"),
        row("第十九条第一款、第二款: POLICY with broadImpact of 59 months → EXECUTION/12 only",
            reg("POLICY", true, 59), List.of(at("EXECUTION", 12)), "rule_executionPolicy"),
        row("第十九条第一款: POLICY without broadImpact, open-ended → nothing",
            reg("POLICY", false, null), List.of()),
        row("第十九条第一款: POLICY with broadImpact unset (null) counts as not broad → nothing",
            reg("POLICY", null, 24), List.of()),
        // rule_midTerm + rule_final
        row("第十九条第一款、第二款、第三款: DESIGN example — POLICY, broadImpact, 72 months → EXECUTION/12, MID_TERM/36, FINAL/72",
            reg("POLICY", true, 72), List.of(at("EXECUTION", 12), at("MID_TERM", 36), at("FINAL", 72)),
            "rule_executionPolicy", "rule_midTerm", "rule_final"),
        row("第十九条第二款、第三款: POLICY without broadImpact, 60 months → MID_TERM/30, FINAL/60",
            reg("POLICY", false, 60), List.of(at("MID_TERM", 30), at("FINAL", 60)), "rule_midTerm", "rule_final"),
        row("第十九条第二款、第三款: PLAN of 59 months (under five years) → nothing",
            reg("PLAN", false, 59), List.of()),
        row("第十九条第二款、第三款: PLAN of exactly 60 months (five years) → MID_TERM/30, FINAL/60",
            reg("PLAN", false, 60), List.of(at("MID_TERM", 30), at("FINAL", 60)), "rule_midTerm", "rule_final"),
        row("第十九条第二款、第三款: PLAN of 61 months → MID_TERM/30 (floor of 30.5), FINAL/61",
            reg("PLAN", false, 61), List.of(at("MID_TERM", 30), at("FINAL", 61)), "rule_midTerm", "rule_final"),
        row("第十九条第二款、第三款: PLAN of 121 months → MID_TERM/60 (floor of 60.5), FINAL/121",
            reg("PLAN", null, 121), List.of(at("MID_TERM", 60), at("FINAL", 121)), "rule_midTerm", "rule_final"),
        row("第十九条第一款: broadImpact gives a PLAN no execution evaluation",
            reg("PLAN", true, 120), List.of(at("MID_TERM", 60), at("FINAL", 120)), "rule_midTerm", "rule_final"),
        row("第十九条第二款、第三款: open-ended PLAN → no MID_TERM, no FINAL",
            reg("PLAN", true, null), List.of()),
        // rule_final without rule_midTerm
        row("第十九条第二款、第三款: REFORM of 60 months → EXECUTION/12, FINAL/60, no MID_TERM (第二款 lists no reform)",
            reg("REFORM", false, 60), List.of(at("EXECUTION", 12), at("FINAL", 60)),
            "rule_executionReform", "rule_final"),
        row("第十九条第一款、第三款: REFORM of 61 months → EXECUTION/12, FINAL/61",
            reg("REFORM", true, 61), List.of(at("EXECUTION", 12), at("FINAL", 61)),
            "rule_executionReform", "rule_final"),
        // nothing for OTHER or unknown categories
        row("第十九条: OTHER with broadImpact and 120 months gets no scheduled evaluation",
            reg("OTHER", true, 120), List.of()),
        row("第十九条: a missing category gets no scheduled evaluation", reg(null, true, 120), List.of()),
        row("第十九条: category codes are case-sensitive", reg("reform", true, 120), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRule(String name, Registration registration, List<Scheduled> expected, List<String> rules) {
    assertThat(schedule(registration)).containsExactlyElementsOf(expected);
    assertThat(matchedRules).as("matched rules").containsExactlyElementsOf(rules);
  }

  @ParameterizedTest(name = "第十九条第二款: dueMonths is an Integer, also when termMonths is a {0}")
  @ValueSource(strings = {"Integer", "Long"})
  void dueMonthsIsAnInteger(String termType) {
    Object term = "Long".equals(termType) ? (Object) 73L : (Object) 73;
    DmnDecisionResult result = engine.evaluateDecision(decision,
        new Registration("POLICY", true, term).variables());

    assertThat(result).hasSize(3);
    for (DmnDecisionResultEntries entry : result) {
      assertThat(entry.keySet()).containsExactly("evaluationType", "dueMonths");
      assertThat(entry.get("evaluationType")).isInstanceOf(String.class);
      assertThat(entry.get("dueMonths")).as(entry.toString()).isInstanceOf(Integer.class);
    }
    assertThat(result.collectEntries("dueMonths")).containsExactly(12, 36, 73);
  }

  static Stream<Arguments> midTermBoundaries() {
    return Stream.of(
        Arguments.of(59, null), Arguments.of(60, 30), Arguments.of(61, 30), Arguments.of(62, 31),
        Arguments.of(119, 59), Arguments.of(120, 60), Arguments.of(241, 120));
  }

  @ParameterizedTest(name = "第十九条第二款: a PLAN of {0} months has its mid-term evaluation at {1}")
  @MethodSource("midTermBoundaries")
  void midTermIsHalfTheTermRoundedDown(int termMonths, Integer expected) {
    List<Scheduled> schedule = schedule(reg("PLAN", false, termMonths));

    if (expected == null) {
      assertThat(schedule).isEmpty();
    } else {
      assertThat(schedule).containsExactly(at("MID_TERM", expected), at("FINAL", termMonths));
    }
  }

  @Test
  void 第十九条_everyCategoryFlagAndTermFollowsTheArticle() {
    List<Integer> terms = new ArrayList<>(Arrays.asList((Integer) null));
    for (int t = 0; t <= 240; t++) {
      terms.add(t);
    }
    for (String category : List.of("REFORM", "POLICY", "PLAN", "OTHER")) {
      for (Boolean broad : Arrays.asList(true, false, null)) {
        for (Integer term : terms) {
          List<Scheduled> expected = new ArrayList<>();
          if ("REFORM".equals(category) || "POLICY".equals(category) && Boolean.TRUE.equals(broad)) {
            expected.add(at("EXECUTION", 12)); // 第一款
          }
          boolean longTerm = term != null && term >= 60;
          if (longTerm && List.of("PLAN", "POLICY").contains(category)) {
            expected.add(at("MID_TERM", term / 2)); // 第二款
          }
          if (longTerm && List.of("PLAN", "POLICY", "REFORM").contains(category)) {
            expected.add(at("FINAL", term)); // 第三款
          }

          assertThat(schedule(reg(category, broad, term))).as("%s, %s, %s", category, broad, term)
              .containsExactlyElementsOf(expected);
        }
      }
    }
  }

  @Test
  void everyMatchingRuleIsOneEvaluationNotAnAggregate() {
    DecisionTable table = (DecisionTable) ((Decision) model().getModelElementById(DECISION)).getExpression();

    assertThat(table.getAggregation()).isNull();
  }

  List<Scheduled> schedule(Registration registration) {
    DmnDecisionResult result = engine.evaluateDecision(decision, registration.variables());
    List<Scheduled> schedule = new ArrayList<>();
    for (DmnDecisionResultEntries entry : result) {
      schedule.add(new Scheduled((String) entry.get("evaluationType"), (Integer) entry.get("dueMonths")));
    }
    return schedule;
  }
}
