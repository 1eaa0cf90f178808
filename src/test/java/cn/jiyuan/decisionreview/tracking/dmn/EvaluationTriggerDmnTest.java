package cn.jiyuan.decisionreview.tracking.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.DmnTableTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/evaluationTrigger.dmn} (DESIGN.md §4.3, §5): 第八条第（一）至（五）项、第十八条. One row per rule of the FIRST
 * table, the threshold of 第八条第（三）项 at its boundary, and the catch-all for unknown reasons.
 */
class EvaluationTriggerDmnTest extends DmnTableTest {

  static final Path FILE = Path.of("dmn", "evaluationTrigger.dmn");
  static final String DECISION = "evaluationTrigger";
  static final Map<String, String> ARTICLE_8 = Map.of(
      "LEGAL_BASIS_CHANGED", "第八条第（一）项",
      "EFFECT_NOT_ACHIEVED", "第八条第（二）项",
      "PUBLIC_OPINIONS", "第八条第（三）项",
      "EXECUTOR_APPLICATION", "第八条第（四）项",
      "AUTHORITY_DEEMS_NECESSARY", "第八条第（五）项");

  EvaluationTriggerDmnTest() {
    super(FILE.getFileName().toString(), DECISION);
  }

  @Override
  protected Contract contract() {
    return table("跟踪反馈与后评估启动")
        .hitPolicy(HitPolicy.FIRST, HitPolicy.UNIQUE)
        .inputs("requestReason", "publicOpinionCount").inputTypes("string", "integer")
        .outputs("accepted", "legalBasis", "urgent", "refusalReason").outputTypes("boolean", "string", "boolean", "string")
        .rules(8)
        .citing("第(八|十八)条").citingOutput("legalBasis");
  }

  @Override
  protected Stream<VariableMap> rowInputs() {
    return rules().map(arguments -> ((Request) arguments.get()[1]).variables());
  }

  record Request(String requestReason, Integer publicOpinionCount) {

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("requestReason", requestReason)
          .putValue("publicOpinionCount", publicOpinionCount);
    }
  }

  static Arguments row(String name, String reason, Integer count, boolean accepted, String legalBasis, boolean urgent,
      String rule) {
    return Arguments.of(name, new Request(reason, count), accepted, legalBasis, urgent, rule);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        // rule_legalBasisChanged
        row("第八条第（一）项: legal basis or circumstances changed → accepted", "LEGAL_BASIS_CHANGED", null, true,
            "第八条第（一）项", false, "rule_legalBasisChanged"),
        row("第八条第（一）项: the opinion count does not matter", "LEGAL_BASIS_CHANGED", 0, true, "第八条第（一）项",
            false, "rule_legalBasisChanged"),
        // rule_effectNotAchieved
        row("第八条第（二）项: expected effect clearly not achieved → accepted", "EFFECT_NOT_ACHIEVED", null, true,
            "第八条第（二）项", false, "rule_effectNotAchieved"),
        // rule_publicOpinions
        row("第八条第（三）项: 20 opinions (the threshold) → accepted", "PUBLIC_OPINIONS", 20, true, "第八条第（三）项",
            false, "rule_publicOpinions"),
        row("第八条第（三）项: 21 opinions → accepted", "PUBLIC_OPINIONS", 21, true, "第八条第（三）项", false,
            "rule_publicOpinions"),
        row("第八条第（三）项: 5000 opinions → accepted", "PUBLIC_OPINIONS", 5000, true, "第八条第（三）项", false,
            "rule_publicOpinions"),
        // rule_publicOpinionsBelowThreshold
        row("第八条第（三）项: 19 opinions (below the threshold) → refused, citing 第八条第（三）项", "PUBLIC_OPINIONS", 19,
            false, "第八条第（三）项", false, "rule_publicOpinionsBelowThreshold"),
        row("第八条第（三）项: 0 opinions → refused", "PUBLIC_OPINIONS", 0, false, "第八条第（三）项", false,
            "rule_publicOpinionsBelowThreshold"),
        row("第八条第（三）项: no opinion count (null) → refused", "PUBLIC_OPINIONS", null, false, "第八条第（三）项", false,
            "rule_publicOpinionsBelowThreshold"),
        // rule_executorApplication
        row("第八条第（四）项: executing unit applies → accepted", "EXECUTOR_APPLICATION", null, true, "第八条第（四）项",
            false, "rule_executorApplication"),
        // rule_authorityDeemsNecessary
        row("第八条第（五）项: decision authority deems it necessary → accepted", "AUTHORITY_DEEMS_NECESSARY", null, true,
            "第八条第（五）项", false, "rule_authorityDeemsNecessary"),
        // rule_executionRisk
        row("第十八条: dispute, risk or major divergence in execution → accepted and urgent", "EXECUTION_RISK", null,
            true, "第十八条", true, "rule_executionRisk"),
        row("第十八条: urgent whatever the opinion count", "EXECUTION_RISK", 3, true, "第十八条", true,
            "rule_executionRisk"),
        // rule_unknownReason
        row("第八条、第十八条: an unknown reason → refused without a legal basis", "I_DONT_LIKE_IT", 100, false, "",
            false, "rule_unknownReason"),
        row("第八条、第十八条: no reason (null) → refused without a legal basis", null, null, false, "", false,
            "rule_unknownReason"),
        row("第八条、第十八条: reason codes are case-sensitive", "execution_risk", null, false, "", false,
            "rule_unknownReason"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRule(String name, Request request, boolean accepted, String legalBasis, boolean urgent, String rule) {
    DmnDecisionResultEntries result = evaluate(request);

    assertThat(matchedRules).as("matched rule").first().isEqualTo(rule);
    assertThat(result.keySet()).containsAnyOf("accepted").isSubsetOf("accepted", "legalBasis", "urgent", "refusalReason");
    assertThat(result.get("accepted")).isInstanceOf(Boolean.class).isEqualTo(accepted);
    assertThat(result.get("legalBasis")).isInstanceOf(String.class).isEqualTo(legalBasis);
    assertThat(result.get("urgent")).isInstanceOf(Boolean.class).isEqualTo(urgent);
    if (accepted) {
      assertThat(result.get("refusalReason")).as("an accepted request has no refusal reason").isNull();
    } else {
      // what the requester reads: Chinese, and the article it rests on
      assertThat((String) result.get("refusalReason")).as("refusalReason").containsPattern("\\p{IsHan}")
          .contains(legalBasis.isEmpty() ? "第十八条" : legalBasis);
    }
  }

  @ParameterizedTest(name = "第八条: {0} is accepted, cites its item and is not urgent")
  @ValueSource(strings = {"LEGAL_BASIS_CHANGED", "EFFECT_NOT_ACHIEVED", "EXECUTOR_APPLICATION",
      "AUTHORITY_DEEMS_NECESSARY"})
  void eachArticle8ReasonIsAcceptedWhateverTheCount(String reason) {
    for (Integer count : Arrays.asList(null, 0, 19, 20, 1000)) {
      DmnDecisionResultEntries result = evaluate(new Request(reason, count));

      assertThat((Boolean) result.get("accepted")).as("count %s", count).isTrue();
      assertThat((String) result.get("legalBasis")).isEqualTo(ARTICLE_8.get(reason));
      assertThat((Boolean) result.get("urgent")).isFalse();
    }
  }

  /** The threshold is read from the table itself: the DMN is the only place it lives. */
  @Test
  void 第八条第三项_theThresholdCellDecidesAtItsBoundary() throws Exception {
    int threshold = threshold();
    for (int count = 0; count <= threshold + 80; count++) {
      DmnDecisionResultEntries result = evaluate(new Request("PUBLIC_OPINIONS", count));

      assertThat((Boolean) result.get("accepted")).as("count %s", count).isEqualTo(count >= threshold);
      assertThat((String) result.get("legalBasis")).isEqualTo("第八条第（三）项");
    }
  }

  /** The refusal tells the requester the threshold; it must name the one of the row above, or it misleads. */
  @Test
  void 第八条第三项_theRefusalReasonNamesTheThresholdOfTheTable() throws Exception {
    DmnDecisionResultEntries refused = evaluate(new Request("PUBLIC_OPINIONS", 0));

    assertThat((String) refused.get("refusalReason")).contains(threshold() + " 条", "第八条第（三）项");
  }

  static int threshold() throws Exception {
    String cell = countCells(Dmn.readModelFromFile(FILE.toFile())).get(0).getText().getTextContent();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(">=\\s*(\\d+)").matcher(cell);
    assertThat(m.matches()).as("the threshold cell reads >= N: " + cell).isTrue();
    return Integer.parseInt(m.group(1));
  }

  static List<InputEntry> countCells(DmnModelInstance model) {
    DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
    return table.getRules().stream()
        .map(rule -> new ArrayList<>(rule.getInputEntries()).get(1))
        .filter(cell -> !cell.getText().getTextContent().isBlank())
        .toList();
  }

  @Test
  void 第八条第三项_aLongCountIsACountToo() {
    VariableMap variables = Variables.createVariables().putValue("requestReason", "PUBLIC_OPINIONS")
        .putValue("publicOpinionCount", 20L);

    assertThat((Boolean) engine.evaluateDecision(decision, variables).getSingleResult().get("accepted")).isTrue();
  }

  @Test
  void 第八条第三项_theThresholdIsOneCellAnalystsCanEdit() throws Exception {
    DmnModelInstance model = Dmn.readModelFromFile(FILE.toFile());
    List<InputEntry> countCells = countCells(model);

    assertThat(countCells).as("one cell holds the threshold").hasSize(1);

    countCells.get(0).getText().setTextContent(">= 30");
    DmnDecision edited = engine.parseDecision(DECISION, model);
    assertThat((Boolean) engine.evaluateDecision(edited, new Request("PUBLIC_OPINIONS", 29).variables())
        .getSingleResult().get("accepted")).isFalse();
    assertThat((Boolean) engine.evaluateDecision(edited, new Request("PUBLIC_OPINIONS", 30).variables())
        .getSingleResult().get("accepted")).isTrue();
  }

  @Test
  void 第十八条_onlyExecutionRiskIsUrgent() {
    for (String reason : Arrays.asList("LEGAL_BASIS_CHANGED", "EFFECT_NOT_ACHIEVED", "PUBLIC_OPINIONS",
        "EXECUTOR_APPLICATION", "AUTHORITY_DEEMS_NECESSARY", "EXECUTION_RISK", "OTHER", null)) {
      for (Integer count : Arrays.asList(null, 19, 20)) {
        DmnDecisionResultEntries result = evaluate(new Request(reason, count));

        assertThat((Boolean) result.get("urgent")).as("%s, %s", reason, count)
            .isEqualTo("EXECUTION_RISK".equals(reason));
      }
    }
  }

  DmnDecisionResultEntries evaluate(Request request) {
    return engine.evaluateDecision(decision, request.variables()).getSingleResult();
  }
}
