package cn.jiyuan.decisionreview.evaluation.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DmnTableTest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/agencyEligibility.dmn} (DESIGN.md §5): 第二十一条、第二十二条、第二十五条，第四条，《重大行政决策程序暂行条例》第三十六条第二款.
 * One row per rule of the FIRST table, in table order, plus precedence and null handling.
 */
@Covers({"第二十一条", "第二十二条", "第二十五条", "条例第三十六条"})
class AgencyEligibilityDmnTest extends DmnTableTest {

  static final Path FILE = Path.of("dmn", "agencyEligibility.dmn");
  static final String DECISION = "agencyEligibility";
  static final List<String> TYPES =
      List.of("UNIVERSITY", "RESEARCH_INSTITUTE", "LAW_FIRM", "SOCIAL_ORGANIZATION", "CONSULTANCY");

  AgencyEligibilityDmnTest() {
    super(FILE.getFileName().toString(), DECISION);
  }

  @Override
  protected Contract contract() {
    return table("受委托评估机构资格")
        .hitPolicy(HitPolicy.FIRST)
        .inputs("agencyType", "creditGood", "hasFacilities", "staffQualified", "involvedInPreDecisionArgumentation",
            "affiliatedWithExecutingUnit", "sanctioned")
        .outputs("eligible", "reason")
        .rules(8)
        .citing("第[一二三四五六七八九十]+条");
  }

  @Override
  protected Stream<VariableMap> rowInputs() {
    return rules().map(arguments -> ((Agency) arguments.get()[1]).variables());
  }

  /** A fully qualified university; each row changes what it tests. */
  record Agency(String agencyType, Boolean creditGood, Boolean hasFacilities, Boolean staffQualified,
      Boolean involvedInPreDecisionArgumentation, Boolean affiliatedWithExecutingUnit, Boolean sanctioned) {

    static Agency qualified(String type) {
      return new Agency(type, true, true, true, false, false, false);
    }

    Agency withSanction() {
      return new Agency(agencyType, creditGood, hasFacilities, staffQualified, involvedInPreDecisionArgumentation,
          affiliatedWithExecutingUnit, true);
    }

    Agency withPreDecisionArgumentation() {
      return new Agency(agencyType, creditGood, hasFacilities, staffQualified, true, affiliatedWithExecutingUnit,
          sanctioned);
    }

    Agency withAffiliation() {
      return new Agency(agencyType, creditGood, hasFacilities, staffQualified, involvedInPreDecisionArgumentation,
          true, sanctioned);
    }

    Agency credit(Boolean value) {
      return new Agency(agencyType, value, hasFacilities, staffQualified, involvedInPreDecisionArgumentation,
          affiliatedWithExecutingUnit, sanctioned);
    }

    Agency facilities(Boolean value) {
      return new Agency(agencyType, creditGood, value, staffQualified, involvedInPreDecisionArgumentation,
          affiliatedWithExecutingUnit, sanctioned);
    }

    Agency staff(Boolean value) {
      return new Agency(agencyType, creditGood, hasFacilities, value, involvedInPreDecisionArgumentation,
          affiliatedWithExecutingUnit, sanctioned);
    }

    Agency flags(Boolean involved, Boolean affiliated, Boolean sanctioned) {
      return new Agency(agencyType, creditGood, hasFacilities, staffQualified, involved, affiliated, sanctioned);
    }

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("agencyType", agencyType)
          .putValue("creditGood", creditGood)
          .putValue("hasFacilities", hasFacilities)
          .putValue("staffQualified", staffQualified)
          .putValue("involvedInPreDecisionArgumentation", involvedInPreDecisionArgumentation)
          .putValue("affiliatedWithExecutingUnit", affiliatedWithExecutingUnit)
          .putValue("sanctioned", sanctioned);
    }
  }

  static Arguments row(String name, Agency agency, boolean eligible, String rule, String reasonCites) {
    return Arguments.of(name, agency, eligible, rule, reasonCites);
  }

  static Stream<Arguments> rules() {
    Agency ok = Agency.qualified("UNIVERSITY");
    return Stream.of(
        // rule 1
        row("第二十五条: sanctioned agency is refused", ok.withSanction(), false, "rule_sanctioned", "第二十五条"),
        row("第二十五条: sanction outranks every other ground",
            new Agency("OTHER", false, false, false, true, true, true), false, "rule_sanctioned", "第二十五条"),
        // rule 2
        row("条例第三十六条第二款: agency that did the pre-decision argumentation is refused", ok.withPreDecisionArgumentation(), false,
            "rule_preDecisionArgumentation", "第三十六条第二款"),
        row("条例第三十六条第二款: outranks independence and Art. 22 grounds",
            new Agency("OTHER", false, false, false, true, true, false), false, "rule_preDecisionArgumentation",
            "第三十六条第二款"),
        // rule 3
        row("第四条: agency affiliated with the executing unit is not independent", ok.withAffiliation(), false,
            "rule_affiliated", "第四条"),
        row("第四条: outranks Art. 22 grounds", new Agency("OTHER", false, false, false, false, true, false), false,
            "rule_affiliated", "第四条"),
        // rule 4
        row("第二十二条第一款: bad credit record is refused", ok.credit(false), false, "rule_credit", "第二十二条第一款"),
        row("第二十二条第一款: unverified (null) credit record is refused", ok.credit(null), false, "rule_credit",
            "信用记录良好"),
        // rule 5
        row("第二十二条第一款: no necessary equipment and facilities is refused", ok.facilities(false), false,
            "rule_facilities", "设备、设施"),
        row("第二十二条第一款: unverified (null) facilities are refused", ok.facilities(null), false,
            "rule_facilities", "第二十二条第一款"),
        // rule 6
        row("第二十二条第一款: unqualified staff is refused", ok.staff(false), false, "rule_staff", "专业素质"),
        row("第二十二条第一款: unverified (null) staff qualification is refused", ok.staff(null), false, "rule_staff",
            "第二十二条第一款"),
        // rule 7
        row("第二十一条第一款: a type outside the list is refused", Agency.qualified("ACCOUNTING_FIRM"), false,
            "rule_agencyType", "第二十一条第一款"),
        row("第二十一条第一款: a missing type is refused", Agency.qualified(null), false, "rule_agencyType",
            "第二十一条第一款"),
        row("第二十一条第一款: type codes are case-sensitive", Agency.qualified("university"), false,
            "rule_agencyType", "第二十一条第一款"),
        // rule 8
        row("第二十一条、第二十二条: qualified university is eligible", ok, true, "rule_eligible", "第二十一条、第二十二条"),
        row("第二十一条、第二十二条: null exclusion flags count as not excluded", ok.flags(null, null, null), true,
            "rule_eligible", "第二十一条、第二十二条"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRule(String name, Agency agency, boolean eligible, String rule, String reasonCites) {
    DmnDecisionResultEntries result = evaluate(agency).getSingleResult();

    assertThat(matchedRules).as("matched rule").containsExactly(rule);
    assertThat(result.keySet()).containsExactlyInAnyOrder("eligible", "reason");
    assertThat((Boolean) result.get("eligible")).isEqualTo(eligible);
    assertThat((String) result.get("reason")).contains(reasonCites);
  }

  @ParameterizedTest(name = "第二十一条第一款: {0} with the Art. 22 conditions is eligible")
  @ValueSource(strings = {"UNIVERSITY", "RESEARCH_INSTITUTE", "LAW_FIRM", "SOCIAL_ORGANIZATION", "CONSULTANCY"})
  void eachListedTypeIsEligible(String type) {
    DmnDecisionResultEntries result = evaluate(Agency.qualified(type)).getSingleResult();

    assertThat((Boolean) result.get("eligible")).isTrue();
    assertThat((String) result.get("reason")).isEqualTo("符合第二十一条、第二十二条规定的受委托评估机构条件");
  }

  @ParameterizedTest(name = "第二十一条、第二十二条、第二十五条: every combination of {0} returns one row, eligible only if all conditions hold")
  @ValueSource(strings = {"UNIVERSITY", "LAW_FIRM", "OTHER"})
  void everyCombinationYieldsOneRow(String type) {
    for (int bits = 0; bits < 64; bits++) {
      Agency agency = new Agency(type, bit(bits, 0), bit(bits, 1), bit(bits, 2), bit(bits, 3), bit(bits, 4),
          bit(bits, 5));
      DmnDecisionResult result = evaluate(agency);
      boolean expected = TYPES.contains(type) && agency.creditGood() && agency.hasFacilities()
          && agency.staffQualified() && !agency.involvedInPreDecisionArgumentation()
          && !agency.affiliatedWithExecutingUnit() && !agency.sanctioned();

      assertThat(result).as(agency.toString()).hasSize(1);
      assertThat((Boolean) result.getSingleResult().get("eligible")).as(agency.toString()).isEqualTo(expected);
    }
  }

  static Boolean bit(int bits, int i) {
    return ((bits >> i) & 1) == 1;
  }

  DmnDecisionResult evaluate(Agency agency) {
    return engine.evaluateDecision(decision, agency.variables());
  }
}
