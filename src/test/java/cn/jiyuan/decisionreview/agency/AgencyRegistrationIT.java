package cn.jiyuan.decisionreview.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.shared.SelectOption;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agency register through the start form "登记或变更评估机构" (Art. 21, 22, 25), over the engine REST API. */
@IntegrationTest
class AgencyRegistrationIT {

  static final String SUBMIT = "/engine-rest/process-definition/key/agency-registration/submit-form";
  static final AtomicInteger SEQ = new AtomicInteger();
  static final String BAD_ID = "机构编号只能由小写字母和数字组成，可用连字符分隔（如 zzu-policy），且不超过57个字符";

  @LocalServerPort int port;
  @Autowired AgencyService agencies;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  static String newId() {
    return "it-agency-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  static Map<String, Object> bool(boolean value) {
    return Map.of("value", value, "type", "Boolean");
  }

  static Map<String, Object> form(String id, String name) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("agencyId", string(id));
    if (name != null) {
      variables.put("agencyName", string(name));
    }
    variables.put("agencyType", string("LAW_FIRM"));
    variables.put("creditGood", bool(true));
    variables.put("creditRecord", string("无不良信用记录"));
    variables.put("hasFacilities", bool(true));
    variables.put("facilities", string("会议室、调查系统"));
    variables.put("staffQualified", bool(true));
    variables.put("staffQualifications", string("执业律师五名"));
    variables.put("affiliatedUnit", string("exec-jyj"));
    variables.put("argumentedDecisions", string("济政〔2025〕7号\n济政〔2026〕1号"));
    variables.put("contact", string("0391-6000000"));
    return variables;
  }

  static Map<String, Object> body(Map<String, Object> variables) {
    return Map.of("variables", variables);
  }

  long historicInstances() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("agency-registration").count();
  }

  long rows(String id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dr_agency WHERE id = ?", Long.class, id);
  }

  @Test
  void legalAffairsRegistersAnAgencyThroughTheStartForm() {
    String id = newId();
    Http sifa = Http.basic(port, "sifa", "demo");

    Http.Response response = sifa.postJson(SUBMIT, body(form(id, "河南济源明德律师事务所")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(response.json().path("id").asText()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(instance.getStartUserId()).isEqualTo("sifa");

    Agency agency = agencies.find(id).orElseThrow();
    assertThat(agency.name()).isEqualTo("河南济源明德律师事务所");
    assertThat(agency.type()).isEqualTo(Agency.Type.LAW_FIRM);
    assertThat(agency.creditGood()).isTrue();
    assertThat(agency.affiliatedUnit()).isEqualTo("exec-jyj");
    assertThat(agency.arguedDecisions()).containsExactly("济政〔2025〕7号", "济政〔2026〕1号");
    assertThat(agency.sanctions()).isEmpty();
    assertThat(agencies.eligibilityInput(id, "济政〔2025〕7号", "exec-jyj"))
        .containsEntry("involvedInPreDecisionArgumentation", true).containsEntry("affiliatedWithExecutingUnit", true);

    Group group = identityService.createGroupQuery().groupId("agency-" + id).singleResult();
    assertThat(group.getName()).isEqualTo("河南济源明德律师事务所");
    assertThat(group.getType()).isEqualTo("WORKFLOW");
    assertThat(authorizationService.isUserAuthorized("nobody", List.of("agency-" + id), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized("nobody", List.of("agency-" + id), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(agencies.selectOptions()).contains(new SelectOption("河南济源明德律师事务所（律师事务所）", id));
  }

  @Test
  void aChangeKeepsTheEntryAndAddsASanction_article25() {
    String id = newId();
    Http sifa = Http.basic(port, "sifa", "demo");
    assertThat(sifa.postJson(SUBMIT, body(form(id, "旧名称"))).status()).isEqualTo(200);

    Map<String, Object> change = form(id, "新名称");
    change.put("sanctionDate", string("2025-06-30"));
    change.put("sanctionReason", string("违背客观事实出具评估报告，造成严重后果"));
    change.put("argumentedDecisions", string(""));
    assertThat(sifa.postJson(SUBMIT, body(change)).status()).isEqualTo(200);

    Agency agency = agencies.find(id).orElseThrow();
    assertThat(agency.name()).isEqualTo("新名称");
    assertThat(agency.sanctioned()).isTrue();
    assertThat(agency.sanctions().get(0).recordedBy()).isEqualTo("sifa");
    assertThat(agency.arguedDecisions()).hasSize(2);
    assertThat(identityService.createGroupQuery().groupId("agency-" + id).singleResult().getName()).isEqualTo("新名称");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(2);
  }

  @Test
  void aBadSubmissionIsRefusedWithAChineseMessageAndLeavesNothing() {
    Http sifa = Http.basic(port, "sifa", "demo");
    long before = historicInstances();

    String noName = newId();
    assertRefused(sifa.postJson(SUBMIT, body(form(noName, null))), "请填写机构名称");
    assertThat(rows(noName)).isZero();

    String badId = "Bad_Id";
    assertRefused(sifa.postJson(SUBMIT, body(form(badId, "某机构"))), BAD_ID);
    assertThat(rows(badId)).isZero();

    String noReason = newId();
    Map<String, Object> sanction = form(noReason, "某机构");
    sanction.put("sanctionDate", string("2025-06-30"));
    assertRefused(sifa.postJson(SUBMIT, body(sanction)), "填写了处理日期，还须填写处理事由（第二十五条）");
    assertThat(rows(noReason)).isZero();

    String badNumbers = newId();
    Map<String, Object> numbers = form(badNumbers, "某机构");
    numbers.put("argumentedDecisions", string("2025年3号文"));
    assertRefused(sifa.postJson(SUBMIT, body(numbers)), "第1行“2025年3号文”不是有效的决策文号，应每行一个，形如 济政〔2026〕3号");

    assertThat(historicInstances()).isEqualTo(before);
    for (String id : List.of(noName, badId, noReason, badNumbers)) {
      assertThat(identityService.createGroupQuery().groupId("agency-" + id).count()).isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }
  }

  @Test
  void theStartEndpointRefusesWith400Too() {
    Map<String, Object> variables = form("Bad_Id", "某机构");
    Http.Response response = Http.basic(port, "sifa", "demo")
        .postJson("/engine-rest/process-definition/key/agency-registration/start", body(variables));
    assertRefused(response, BAD_ID);
  }

  @Test
  void anExecutingUnitCannotRegisterAgencies() {
    String id = newId();
    long before = historicInstances();

    Http.Response response = Http.basic(port, "fgw", "demo").postJson(SUBMIT, body(form(id, "某机构")));

    assertThat(response.status()).as(response.body()).isIn(400, 403, 404);
    assertThat(rows(id)).isZero();
    assertThat(historicInstances()).isEqualTo(before);
    assertThat(identityService.createGroupQuery().groupId("agency-" + id).count()).isZero();
  }

  @Test
  void legalAffairsSeesTheStartFormInTasklist() {
    Http sifa = Http.basic(port, "sifa", "demo");
    JsonNode definitions = sifa.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true").json();
    assertThat(definitions.findValuesAsText("key")).contains("agency-registration");
    assertThat(definitions.findValuesAsText("name")).contains("评估机构登记与变更");
    assertThat(authorizationService.isUserAuthorized("sifa", List.of("legal-affairs"),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "agency-registration")).isTrue();

    JsonNode startForm = sifa.get("/engine-rest/process-definition/key/agency-registration/startForm").json();
    assertThat(startForm.path("camundaFormRef").path("key").asText()).isEqualTo("agency-registration");
    JsonNode form = sifa.get("/engine-rest/process-definition/key/agency-registration/deployed-start-form").json();
    assertThat(form.path("id").asText()).isEqualTo("agency-registration");
    assertThat(form.findValuesAsText("key")).contains("agencyId", "agencyName", "agencyType", "creditGood",
        "hasFacilities", "staffQualified", "affiliatedUnit", "argumentedDecisions", "sanctionDate", "sanctionReason");

    JsonNode fgwDefinitions = Http.basic(port, "fgw", "demo")
        .get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true").json();
    assertThat(fgwDefinitions.findValuesAsText("key")).doesNotContain("agency-registration");
  }

  @Test
  void theDemoAgenciesAreRegisteredAtStartUp() {
    Agency demo = agencies.find("demo").orElseThrow();
    assertThat(demo.name()).isEqualTo("郑州大学公共政策研究中心");
    assertThat(demo.type()).isEqualTo(Agency.Type.UNIVERSITY);
    assertThat(demo.creditGood() && demo.hasFacilities() && demo.staffQualified()).isTrue();
    assertThat(demo.sanctioned()).isFalse();
    assertThat(identityService.createGroupQuery().groupId("agency-demo").count()).isEqualTo(1);
    assertThat(identityService.createUserQuery().userId("jigou").memberOfGroup("agency-demo").count()).isEqualTo(1);

    Agency hengtai = agencies.find("hengtai").orElseThrow();
    assertThat(hengtai.name()).isEqualTo("济源恒泰管理咨询有限公司");
    assertThat(hengtai.type()).isEqualTo(Agency.Type.CONSULTANCY);
    assertThat(hengtai.creditGood()).isTrue();
    assertThat(hengtai.sanctions()).singleElement().satisfies(s -> {
      assertThat(s.date()).hasToString("2025-06-30");
      assertThat(s.reason()).isEqualTo("违背客观事实出具评估报告，造成严重后果（第二十五条）");
    });

    Agency shixin = agencies.find("shixin").orElseThrow();
    assertThat(shixin.name()).isEqualTo("济源市法学会法律服务中心");
    assertThat(shixin.type()).isEqualTo(Agency.Type.SOCIAL_ORGANIZATION);
    assertThat(shixin.arguedDecisions()).containsExactly("济政〔2025〕12号");

    for (String group : List.of("agency-hengtai", "agency-shixin")) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
      assertThat(authorizationService.isUserAuthorized("nobody", List.of(group), Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as(group).isTrue();
    }
  }

  private static void assertRefused(Http.Response response, String message) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("type").asText()).isEqualTo("FormFieldValidationException");
    assertThat(response.json().path("message").asText()).isEqualTo(message);
    assertThat(response.body()).doesNotContain("Exception:").doesNotContain("at org.");
  }
}
