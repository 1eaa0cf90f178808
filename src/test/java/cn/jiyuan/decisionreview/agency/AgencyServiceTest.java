package cn.jiyuan.decisionreview.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.agency.Agency.Sanction;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.SelectOption;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.ProjectTables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agency register (Art. 21, 22, 25) on a migrated in-memory H2, without an engine. */
class AgencyServiceTest {

  static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

  /** Records what the service asks of the engine's identity service. */
  static class FakeGroups implements AgencyGroups {
    final Map<String, String> groups = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final Set<String> units = Set.of("exec-fgw", "exec-jyj", "exec-zjj");

    @Override
    public void ensureAgencyGroup(String groupId, String name) {
      calls.add(groupId);
      groups.put(groupId, name);
    }

    @Override
    public boolean executingUnitExists(String groupId) {
      return units.contains(groupId);
    }
  }

  JdbcTemplate jdbc;
  FakeGroups groups;
  AgencyService service;

  @BeforeEach
  void setUp() {
    jdbc = ProjectTables.fresh("agency");
    groups = new FakeGroups();
    service = new AgencyService(new AgencyRepository(jdbc), groups, Clock.fixed(NOW, BeijingClock.ZONE));
  }

  static AgencyRegistration clean(String id, String name, String type) {
    return new AgencyRegistration(id, name, type, true, "无不良记录", true, "调查实验室", true, "法学、公共管理教授",
        null, null, "0391-1234567", null, null);
  }

  static AgencyRegistration with(AgencyRegistration r, String affiliatedUnit, String argued, String sanctionDate,
      String sanctionReason) {
    return new AgencyRegistration(r.id(), r.name(), r.type(), r.creditGood(), r.creditRecord(), r.hasFacilities(),
        r.facilities(), r.staffQualified(), r.staffQualifications(), affiliatedUnit, argued, r.contact(), sanctionDate,
        sanctionReason);
  }

  @Test
  void registersAnAgencyAndCreatesItsGroup() {
    Agency agency = service.register(clean("zzu-policy", "郑州大学公共政策研究中心", "UNIVERSITY"), "sifa");

    assertThat(agency.id()).isEqualTo("zzu-policy");
    assertThat(agency.name()).isEqualTo("郑州大学公共政策研究中心");
    assertThat(agency.type()).isEqualTo(Agency.Type.UNIVERSITY);
    assertThat(agency.creditGood()).isTrue();
    assertThat(agency.hasFacilities()).isTrue();
    assertThat(agency.staffQualified()).isTrue();
    assertThat(agency.creditRecord()).isEqualTo("无不良记录");
    assertThat(agency.contact()).isEqualTo("0391-1234567");
    assertThat(agency.affiliatedUnit()).isNull();
    assertThat(agency.arguedDecisions()).isEmpty();
    assertThat(agency.sanctions()).isEmpty();
    assertThat(agency.createdAt()).isEqualTo(NOW);
    assertThat(agency.updatedAt()).isEqualTo(NOW);
    assertThat(agency.groupId()).isEqualTo("agency-zzu-policy");
    assertThat(groups.groups).containsEntry("agency-zzu-policy", "郑州大学公共政策研究中心");
    assertThat(service.find("zzu-policy")).contains(agency);
    assertThat(service.listAll()).containsExactly(agency);
    assertThat(service.groupId("zzu-policy")).isEqualTo("agency-zzu-policy");
  }

  @Test
  void registeringTheSameIdAgainChangesTheEntryAndKeepsTheRecordedFacts() {
    service.register(with(clean("hengtai", "恒泰咨询", "CONSULTANCY"), "exec-fgw", "济政〔2025〕1号",
        "2025-06-30", "违背客观事实出具评估报告，造成严重后果"), "sifa");
    AgencyService later = new AgencyService(new AgencyRepository(jdbc), groups,
        Clock.fixed(NOW.plusSeconds(3600), BeijingClock.ZONE));

    Agency changed = later.register(new AgencyRegistration("hengtai", "济源恒泰管理咨询有限公司", "OTHER", false, null,
        null, null, false, null, "none", "济政〔2025〕2号", null, null, null), "sifa2");

    assertThat(changed.name()).isEqualTo("济源恒泰管理咨询有限公司");
    assertThat(changed.type()).isEqualTo(Agency.Type.OTHER);
    assertThat(changed.creditGood()).isFalse();
    assertThat(changed.hasFacilities()).isFalse();
    assertThat(changed.creditRecord()).isNull();
    assertThat(changed.affiliatedUnit()).isNull();
    assertThat(changed.arguedDecisions()).containsExactly("济政〔2025〕1号", "济政〔2025〕2号");
    assertThat(changed.sanctions()).extracting(Sanction::date).containsExactly(LocalDate.of(2025, 6, 30));
    assertThat(changed.sanctions().get(0).recordedBy()).isEqualTo("sifa");
    assertThat(changed.createdAt()).isEqualTo(NOW);
    assertThat(changed.updatedAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(groups.groups).containsEntry("agency-hengtai", "济源恒泰管理咨询有限公司");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_agency", Integer.class)).isEqualTo(1);
  }

  @Covers({"第二十五条", "条例第四十一条"})
  @Test
  void theSameSanctionSubmittedTwiceIsRecordedOnceAndAnotherIsAdded() {
    AgencyRegistration sanctioned = with(clean("hengtai", "恒泰咨询", "CONSULTANCY"), null, null, "2025-06-30", "事由一");
    service.register(sanctioned, "sifa");
    service.register(sanctioned, "sifa");
    Agency agency = service.register(with(sanctioned, null, null, "2025-12-01T00:00:00", "事由二"), null);

    assertThat(agency.sanctions()).extracting(Sanction::reason).containsExactly("事由一", "事由二");
    assertThat(agency.sanctions().get(1).recordedBy()).isEqualTo("system");
    assertThat(agency.sanctions().get(1).date()).isEqualTo(LocalDate.of(2025, 12, 1));
  }

  @Test
  void decisionNumbersAreOnePerLineAndNormalised() {
    Agency agency = service.register(with(clean("shixin", "济源市法学会法律服务中心", "SOCIAL_ORGANIZATION"), null,
        "济政〔2025〕12号\r\n\n 济政[2026]3号 \n济政办（２０２４）７号、济政〔2025〕12号", null, null), "sifa");

    assertThat(agency.arguedDecisions()).containsExactlyInAnyOrder("济政〔2025〕12号", "济政〔2026〕3号", "济政办〔2024〕7号");
  }

  @Test
  void refusesAnIdThatIsNotLowercaseLettersAndDigits() {
    for (String bad : new String[] {null, "", "  ", "ZZU", "zzu_policy", "zzu policy", "-zzu", "zzu-", "zzu--policy",
        "郑大", "a".repeat(58)}) {
      assertRefused(clean(bad, "名称", "UNIVERSITY"), "agencyId",
          "机构编号只能由小写字母和数字组成，可用连字符分隔（如 zzu-policy），且不超过57个字符");
    }
    assertThat(service.register(clean("a".repeat(57), "名称", "OTHER"), "sifa").groupId()).hasSize(64);
  }

  @Test
  void refusesAMissingName() {
    assertRefused(clean("zzu", null, "UNIVERSITY"), "agencyName", "请填写机构名称");
    assertRefused(clean("zzu", "  ", "UNIVERSITY"), "agencyName", "请填写机构名称");
    assertRefused(clean("zzu", "名".repeat(256), "UNIVERSITY"), "agencyName", "机构名称不能超过255个字");
  }

  @Test
  void refusesAnUnknownType() {
    for (String bad : new String[] {null, "", "university", "GOVERNMENT", "高等学校"}) {
      assertRefused(clean("zzu", "名称", bad), "agencyType",
          "机构类型无效，应为高等学校、科研机构、律师事务所、社会组织、咨询机构或其他");
    }
  }

  @Test
  void refusesASanctionWithoutDateOrReasonAndABadDate_article25() {
    AgencyRegistration base = clean("hengtai", "恒泰咨询", "CONSULTANCY");
    assertRefused(with(base, null, null, "2025-06-30", null), "sanctionReason", "填写了处理日期，还须填写处理事由（第二十五条）");
    assertRefused(with(base, null, null, "2025-06-30", " "), "sanctionReason", "填写了处理日期，还须填写处理事由（第二十五条）");
    assertRefused(with(base, null, null, null, "违背客观事实"), "sanctionDate", "填写了处理事由，还须填写处理日期（第二十五条）");
    assertRefused(with(base, null, null, "2025/06/30", "违背客观事实"), "sanctionDate",
        "处理日期“2025/06/30”格式不正确，应为 YYYY-MM-DD，如 2025-06-30");
    assertRefused(with(base, null, null, "2026-03-02", "违背客观事实"), "sanctionDate", "处理日期不能晚于今天");
    assertRefused(with(base, null, null, "2025-06-30", "由".repeat(4001)), "sanctionReason", "处理事由不能超过4000个字");
    assertThat(service.register(with(base, null, null, "2026-03-01", "当日处理"), "sifa").sanctioned()).isTrue();
  }

  @Test
  void refusesAMalformedDecisionNumberList() {
    AgencyRegistration base = clean("shixin", "法律服务中心", "SOCIAL_ORGANIZATION");
    assertRefused(with(base, null, "济政〔2025〕12号\n2025年第3号", null, null), "argumentedDecisions",
        "第2行“2025年第3号”不是有效的决策文号，应每行一个，形如 济政〔2026〕3号");
    assertRefused(with(base, null, "济政〔25〕12号", null, null), "argumentedDecisions",
        "第1行“济政〔25〕12号”不是有效的决策文号，应每行一个，形如 济政〔2026〕3号");
    assertRefused(with(base, null, "济政〔2025〕12", null, null), "argumentedDecisions",
        "第1行“济政〔2025〕12”不是有效的决策文号，应每行一个，形如 济政〔2026〕3号");
  }

  @Test
  void refusesAnUnknownExecutingUnitAndAcceptsNone() {
    AgencyRegistration base = clean("zzu", "名称", "UNIVERSITY");
    assertRefused(with(base, "exec-nope", null, null, null), "affiliatedUnit",
        "执行单位“exec-nope”不存在，请从列表中选择，没有隶属或利害关系的选“无”");
    assertRefused(with(base, "legal-affairs", null, null, null), "affiliatedUnit",
        "执行单位“legal-affairs”不存在，请从列表中选择，没有隶属或利害关系的选“无”");
    assertThat(service.register(with(base, "none", null, null, null), "sifa").affiliatedUnit()).isNull();
    assertThat(service.register(with(base, "exec-jyj", null, null, null), "sifa").affiliatedUnit()).isEqualTo("exec-jyj");
  }

  @Test
  void refusesOverlongTexts() {
    AgencyRegistration r = clean("zzu", "名称", "UNIVERSITY");
    assertRefused(new AgencyRegistration("zzu", "名称", "UNIVERSITY", true, "x".repeat(4001), true, null, true, null,
        null, null, null, null, null), "creditRecord", "信用记录说明不能超过4000个字");
    assertRefused(new AgencyRegistration("zzu", "名称", "UNIVERSITY", true, null, true, null, true, null,
        null, null, "x".repeat(256), null, null), "contact", "联系方式不能超过255个字");
    assertThat(service.register(r, "sifa")).isNotNull();
  }

  @Test
  void eligibilityInputForACleanAgency() {
    service.register(clean("zzu", "郑州大学公共政策研究中心", "UNIVERSITY"), "sifa");

    assertThat(service.eligibilityInput("zzu", "济政〔2026〕3号", "exec-fgw")).containsExactly(
        Map.entry("agencyType", "UNIVERSITY"),
        Map.entry("creditGood", true),
        Map.entry("hasFacilities", true),
        Map.entry("staffQualified", true),
        Map.entry("involvedInPreDecisionArgumentation", false),
        Map.entry("affiliatedWithExecutingUnit", false),
        Map.entry("sanctioned", false));
  }

  @Test
  void eligibilityInputForASanctionedAgency_article25() {
    service.register(with(clean("hengtai", "恒泰咨询", "CONSULTANCY"), null, null, "2025-06-30", "违背客观事实"), "sifa");

    Map<String, Object> input = service.eligibilityInput("hengtai", "济政〔2026〕3号", "exec-fgw");
    assertThat(input).containsEntry("sanctioned", true).containsEntry("agencyType", "CONSULTANCY")
        .containsEntry("involvedInPreDecisionArgumentation", false).containsEntry("affiliatedWithExecutingUnit", false);
  }

  @Test
  void eligibilityInputForAnAgencyThatArguedTheDecision_decree713Article36() {
    service.register(with(clean("shixin", "法律服务中心", "SOCIAL_ORGANIZATION"), null, "济政〔2025〕12号", null, null), "sifa");

    assertThat(service.eligibilityInput("shixin", "济政〔2025〕12号", "exec-jyj"))
        .containsEntry("involvedInPreDecisionArgumentation", true).containsEntry("sanctioned", false);
    assertThat(service.eligibilityInput("shixin", "济政[2025]12号", "exec-jyj"))
        .containsEntry("involvedInPreDecisionArgumentation", true);
    assertThat(service.eligibilityInput("shixin", "济政〔2025〕13号", "exec-jyj"))
        .containsEntry("involvedInPreDecisionArgumentation", false);
    assertThat(service.eligibilityInput("shixin", null, "exec-jyj"))
        .containsEntry("involvedInPreDecisionArgumentation", false);
  }

  @Test
  void eligibilityInputForAnAgencyAffiliatedWithTheExecutingUnit() {
    service.register(with(clean("fgw-center", "发展研究中心", "RESEARCH_INSTITUTE"), "exec-fgw", null, null, null), "sifa");

    assertThat(service.eligibilityInput("fgw-center", "济政〔2026〕3号", "exec-fgw"))
        .containsEntry("affiliatedWithExecutingUnit", true);
    assertThat(service.eligibilityInput("fgw-center", "济政〔2026〕3号", "exec-jyj"))
        .containsEntry("affiliatedWithExecutingUnit", false);
    assertThat(service.eligibilityInput("fgw-center", "济政〔2026〕3号", null))
        .containsEntry("affiliatedWithExecutingUnit", false);
  }

  @Test
  void eligibilityInputOfAnUnknownAgencyIsRefused() {
    assertThatThrownBy(() -> service.eligibilityInput("nobody", "济政〔2026〕3号", "exec-fgw"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage("评估机构名录中没有编号为“nobody”的机构，请先由市司法局登记（第二十二条）");
  }

  @Test
  void selectOptionsNameEachAgencyWithItsType() {
    service.register(clean("demo", "郑州大学公共政策研究中心", "UNIVERSITY"), "sifa");
    service.register(clean("hengtai", "济源恒泰管理咨询有限公司", "CONSULTANCY"), "sifa");
    service.register(clean("shixin", "济源市法学会法律服务中心", "SOCIAL_ORGANIZATION"), "sifa");

    assertThat(service.selectOptions()).containsExactly(
        new SelectOption("郑州大学公共政策研究中心（高等学校）", "demo"),
        new SelectOption("济源恒泰管理咨询有限公司（咨询机构）", "hengtai"),
        new SelectOption("济源市法学会法律服务中心（社会组织）", "shixin"));
  }

  @Test
  void everyTypeHasAChineseLabel() {
    assertThat(Agency.Type.values()).extracting(Agency.Type::label)
        .containsExactly("高等学校", "科研机构", "律师事务所", "社会组织", "咨询机构", "其他");
  }

  @Test
  void theDemoAgenciesAreValidRegistrations() {
    for (AgencyRegistration demo : AgencyDemoData.AGENCIES) {
      service.register(demo, AgencyDemoData.RECORDED_BY);
    }
    assertThat(service.eligibilityInput("demo", "济政〔2025〕12号", "exec-fgw")).containsEntry("sanctioned", false)
        .containsEntry("involvedInPreDecisionArgumentation", false).containsEntry("creditGood", true);
    assertThat(service.eligibilityInput("hengtai", "济政〔2025〕12号", "exec-fgw")).containsEntry("sanctioned", true);
    assertThat(service.eligibilityInput("shixin", "济政〔2025〕12号", "exec-fgw"))
        .containsEntry("involvedInPreDecisionArgumentation", true);
  }

  private void assertRefused(AgencyRegistration input, String field, String message) {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM dr_agency", Long.class);
    int groupCalls = groups.calls.size();
    assertThatThrownBy(() -> service.register(input, "sifa"))
        .as("%s", input)
        .isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat((Object) e.getDetail()).isEqualTo(field);
        });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_agency", Long.class)).isEqualTo(before);
    assertThat(groups.calls).hasSize(groupCalls);
  }
}
