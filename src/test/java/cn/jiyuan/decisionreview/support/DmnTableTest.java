package cn.jiyuan.decisionreview.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every test of a decision table of {@code dmn/} checks, written once: the table-driven rows of the subclass
 * hit every rule, and the table keeps its contract (DESIGN.md §5: name, history time to live, hit policy, inputs
 * and outputs with their types, its rules) and every rule's annotation cites its article. The subclass declares the
 * contract and its rows, and keeps the tests that are particular to its table.
 *
 * <p>One instance per class, so that the decision is parsed once and the subclass can evaluate it from instance
 * methods through {@link #engine}, {@link #decision} and {@link #matchedRules}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DmnTableTest {

  protected final Path file;
  protected final String decisionId;
  protected DmnTable dmn;
  protected DmnEngine engine;
  protected DmnDecision decision;
  /** Ids of the rules that matched in the last evaluation, in table order. */
  protected List<String> matchedRules;

  /** @param fileName a file of {@code dmn/}; @param decisionId the decision table of that file under test */
  protected DmnTableTest(String fileName, String decisionId) {
    this.file = Path.of("dmn", fileName);
    this.decisionId = decisionId;
  }

  @BeforeAll
  void parse() {
    dmn = DmnTable.load(file.getFileName().toString(), decisionId);
    engine = dmn.engine;
    decision = dmn.decision;
    matchedRules = dmn.matchedRules;
  }

  /** What the table promises; checked by {@link #theTableKeepsItsContract()}. */
  protected abstract Contract contract();

  /** The inputs of every row of the subclass's table-driven test: together they must hit every rule. */
  protected abstract Stream<VariableMap> rowInputs();

  @Test
  void theRowsAboveCoverEveryRuleOfTheTable() {
    Set<String> covered = new TreeSet<>();
    rowInputs().forEach(variables -> {
      engine.evaluateDecision(decision, variables);
      covered.addAll(matchedRules);
    });

    assertThat(covered).isEqualTo(DmnTable.ruleIds(file));
  }

  @Test
  void theTableKeepsItsContract() {
    Contract contract = contract();
    Decision decisionElement = model().getModelElementById(decisionId);
    DecisionTable table = (DecisionTable) decisionElement.getExpression();

    assertThat(decisionElement.getName()).isEqualTo(contract.name);
    assertThat(decisionElement.getCamundaHistoryTimeToLiveString()).isEqualTo("P10958D");
    assertThat(table.getHitPolicy()).isIn(contract.hitPolicies);
    assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent())
        .containsExactlyElementsOf(contract.inputs);
    if (contract.inputTypes != null) {
      assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getTypeRef())
          .containsExactlyElementsOf(contract.inputTypes);
    }
    assertThat(table.getOutputs()).extracting(Output::getName).containsExactlyElementsOf(contract.outputs);
    if (contract.outputTypes != null) {
      assertThat(table.getOutputs()).extracting(Output::getTypeRef).containsExactlyElementsOf(contract.outputTypes);
    }
    if (contract.ruleIds != null) {
      assertThat(table.getRules()).extracting(Rule::getId).containsExactlyElementsOf(contract.ruleIds);
    } else if (contract.ruleCount >= 0) {
      assertThat(table.getRules()).hasSize(contract.ruleCount);
    }
  }

  @Test
  void everyRuleCitesItsArticle() {
    Contract contract = contract();
    DecisionTable table = (DecisionTable) ((Decision) model().getModelElementById(decisionId)).getExpression();
    int citedOutput = contract.citedOutput == null ? -1
        : table.getOutputs().stream().map(Output::getName).toList().indexOf(contract.citedOutput);
    assertThat(contract.citedOutput == null || citedOutput >= 0).as("output " + contract.citedOutput).isTrue();

    for (Rule rule : table.getRules()) {
      assertThat(rule.getDescription()).as("annotation of " + rule.getId()).isNotNull();
      String annotation = rule.getDescription().getTextContent();
      for (String article : contract.citations) {
        assertThat(annotation).as("annotation of " + rule.getId()).containsPattern(article);
      }
      if (citedOutput >= 0) {
        String value = new ArrayList<>(rule.getOutputEntries()).get(citedOutput).getText().getTextContent();
        assertThat(annotation).as("annotation of " + rule.getId() + " cites its " + contract.citedOutput)
            .contains(value.replace("\"", ""));
      }
    }
  }

  /** The file as Modeler reads it, for the subclass's own checks of the model. */
  protected DmnModelInstance model() {
    return Dmn.readModelFromFile(file.toFile());
  }

  /** Starts a contract: {@code table("名称").hitPolicy(FIRST).inputs(...).outputs(...).rules(8).citing("第八条")}. */
  protected static Contract table(String name) {
    return new Contract(name);
  }

  /** What a table promises. Types and rules (count or ids) are optional: unset, they are not checked. */
  public static final class Contract {
    private final String name;
    private Set<HitPolicy> hitPolicies = Set.of();
    private List<String> inputs = List.of();
    private List<String> inputTypes;
    private List<String> outputs = List.of();
    private List<String> outputTypes;
    private List<String> ruleIds;
    private int ruleCount = -1;
    private List<String> citations = List.of();
    private String citedOutput;

    private Contract(String name) {
      this.name = name;
    }

    /** The hit policy, or the policies that would all be correct for the table. */
    public Contract hitPolicy(HitPolicy... policies) {
      hitPolicies = Set.of(policies);
      return this;
    }

    /** The input expressions, in column order. */
    public Contract inputs(String... expressions) {
      inputs = List.of(expressions);
      return this;
    }

    public Contract inputTypes(String... types) {
      inputTypes = List.of(types);
      return this;
    }

    /** The output names, in column order. */
    public Contract outputs(String... names) {
      outputs = List.of(names);
      return this;
    }

    public Contract outputTypes(String... types) {
      outputTypes = List.of(types);
      return this;
    }

    public Contract rules(int count) {
      ruleCount = count;
      return this;
    }

    /** The rule ids in table order (for a FIRST table the order is part of the meaning). */
    public Contract rules(String... ids) {
      ruleIds = List.of(ids);
      return this;
    }

    /** Patterns each rule's annotation must contain, e.g. {@code "第(八|十八)条"}. */
    public Contract citing(String... articlePatterns) {
      citations = List.of(articlePatterns);
      return this;
    }

    /** An output whose value each rule's annotation must contain, e.g. its {@code legalBasis}. */
    public Contract citingOutput(String output) {
      citedOutput = output;
      return this;
    }
  }
}
