package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Through /engine-rest: values that must be refused on the registration and the request paths.
 * Each answers 400 with a Chinese message naming no internal class, and stores nothing: no tracking or request
 * instance (runtime or history), no dr_decision row, no change to the decision's requests.
 */
@IntegrationTest
class RefusedValuesRestIT {

  static final String REGISTER = "/engine-rest/process-definition/key/decision-tracking/submit-form";
  static final String REQUEST = "/engine-rest/process-definition/key/evaluation-request/submit-form";

  /** One tracked decision that every request case asks about; registered once for the class. */
  static String tracked;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  static String uniqueNumber() {
    return "济测〔2027〕" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + "号";
  }

  static Map<String, Object> value(Object v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", v);
    return m;
  }

  static Map<String, Object> typed(Object v, String type) {
    Map<String, Object> m = value(v);
    m.put("type", type);
    return m;
  }

  static Map<String, Object> registration(String number) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("decisionNumber", value(number));
    vars.put("decisionTitle", value("济源市数字政府建设实施方案"));
    vars.put("decisionCategory", value("POLICY"));
    vars.put("broadImpact", value(true));
    vars.put("implementationStart", value("2026-07-01"));
    vars.put("implementationEnd", value("2031-06-30"));
    vars.put("executingUnit", value("exec-fgw"));
    vars.put("superiorMandated", value(false));
    return vars;
  }

  static Stream<Arguments> badRegistrations() {
    return Stream.of(
        Arguments.of("decisionNumber", value("！！！"), "只能由汉字、字母、数字"),
        Arguments.of("decisionNumber", value("〔〕"), "括号只用于四位数字的年份"),
        Arguments.of("decisionNumber", value("[] ［］ 【】"), "括号只用于四位数字的年份"),
        Arguments.of("decisionNumber", value("...---"), "只能由汉字、字母、数字"),
        Arguments.of("decisionNumber", value("济测\u0000〔2027〕1号"), "控制字符"),
        Arguments.of("decisionNumber", value("济测〔2027〕1号\u0007"), "控制字符"),
        Arguments.of("decisionNumber", value("\u202e济测〔2027〕1号"), "控制字符"),
        Arguments.of("decisionNumber", value("济测〔2027〕"), "应包含发文序号"),
        Arguments.of("decisionNumber", value("济".repeat(120) + "1"), "不能超过 100 字"),
        Arguments.of("decisionNumber", value(""), "请填写决策文号"),
        Arguments.of("decisionTitle", value("方案\u0000"), "“决策名称”含有不允许的控制字符"),
        Arguments.of("decisionTitle", value("方案\u001b[2J"), "“决策名称”含有不允许的控制字符"),
        Arguments.of("decisionTitle", value("第一行\n第二行"), "“决策名称”含有不允许的控制字符"),
        Arguments.of("decisionTitle", value("方".repeat(201)), "“决策名称”不能超过 200 个字（现为 201 个字）"),
        Arguments.of("broadImpact", value("maybe"), "只能为是或否"),
        Arguments.of("broadImpact", value("yes"), "只能为是或否"),
        Arguments.of("broadImpact", value(1), "只能为是或否"),
        Arguments.of("superiorMandated", value("maybe"), "只能为是或否"),
        Arguments.of("implementationStart", value("0000-01-01"), "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", value("2026-13-01"), "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", value("2026-02-30"), "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", value("1949-09-30"), "1949-10-01 至 2100-12-31"),
        Arguments.of("implementationStart", value("2101-01-01"), "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", value("2026-7-1"), "请填写有效的执行开始日期"),
        // a Date the REST layer parsed leniently (month 13 became next January) is not taken for a date
        Arguments.of("implementationStart", typed("2026-13-01T00:00:00.000+0800", "Date"), "请填写有效的执行开始日期"),
        Arguments.of("implementationEnd", value("9999-12-31"), "执行结束日期无效"),
        Arguments.of("implementationEnd", value("2031-02-29"), "执行结束日期无效"));
  }

  @ParameterizedTest(name = "registration {0} = {1} → {2}")
  @MethodSource("badRegistrations")
  void badRegistrationValuesAreRefusedAndNothingIsStored(String field, Map<String, Object> bad, String message) {
    String number = uniqueNumber();
    Map<String, Object> vars = registration(number);
    vars.put(field, bad);
    long trackings = historic("decision-tracking");
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision", Long.class);

    Http.Response response = Http.basic(port, "zhengfu", "demo").postJson(REGISTER, Map.of("variables", vars));

    assertRefused(response, message);
    assertThat(historic("decision-tracking")).as("no tracking instance, not even in history").isEqualTo(trackings);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision", Long.class)).as("no row").isEqualTo(rows);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
  }

  @Test
  void theSameRegistrationWithGoodValuesIsAccepted() {
    String number = uniqueNumber();
    Map<String, Object> vars = registration(number);
    vars.put("broadImpact", value("true"));
    vars.put("implementationStart", value("1949-10-01"));
    vars.put("implementationEnd", value("2100-12-31"));
    Http.Response response = Http.basic(port, "zhengfu", "demo").postJson(REGISTER, Map.of("variables", vars));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(engine.getRuntimeService().getVariable(response.json().get("id").asText(), "broadImpact")).isEqualTo(true);
  }

  String tracked() {
    if (tracked == null) {
      String number = uniqueNumber();
      Map<String, Object> vars = registration(number);
      vars.put("decisionCategory", value("OTHER")); // no schedule: only requests start evaluations
      Http.Response response = Http.basic(port, "zhengfu", "demo").postJson(REGISTER, Map.of("variables", vars));
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      tracked = number;
    }
    return tracked;
  }

  static Map<String, Object> request(String number, Object opinions) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("decisionNumber", value(number));
    vars.put("requestReason", value("PUBLIC_OPINIONS"));
    vars.put("requestDescription", value("网民留言反映收费偏高"));
    if (opinions != null) {
      vars.put("publicOpinionCount", opinions instanceof Map<?, ?> ? opinions : value(opinions));
    }
    return vars;
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(null, 1e20, "公众意见数量须为 0 至 10000000 之间的整数"),
        Arguments.of(null, -1e20, "公众意见数量"),
        Arguments.of(null, 1e308, "公众意见数量"),
        Arguments.of(null, -1, "公众意见数量"),
        Arguments.of(null, 10_000_001, "公众意见数量"),
        Arguments.of(null, 2.5, "公众意见数量"),
        Arguments.of(null, "1e3", "公众意见数量"),
        Arguments.of(null, "25.0", "公众意见数量"),
        Arguments.of(null, "abc", "公众意见数量"),
        Arguments.of(null, "0x20", "公众意见数量"),
        Arguments.of(null, true, "公众意见数量"),
        Arguments.of(null, typed(99_999_999_999L, "Long"), "公众意见数量"),
        Arguments.of("！！！", null, "只能由汉字、字母、数字"),
        Arguments.of("〔〕", null, "括号只用于四位数字的年份"),
        Arguments.of("济测\u0000〔2027〕1号", null, "控制字符"),
        Arguments.of("\u200b", null, "控制字符"),
        Arguments.of("", null, "请填写决策文号"));
  }

  @ParameterizedTest(name = "request number={0} publicOpinionCount={1} → {2}")
  @MethodSource("badRequests")
  void badRequestValuesAreRefusedAndNothingIsStored(String number, Object opinions, String message) {
    String decision = tracked();
    String trackingId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(decision)
        .processDefinitionKey("decision-tracking").singleResult().getId();
    // none yet is no variable (registration stores no empty list)
    String requestsBefore = String.valueOf(engine.getRuntimeService().getVariable(trackingId, "requestHistory"));
    long requests = historic("evaluation-request");

    Http.Response response = Http.basic(port, "sifa", "demo")
        .postJson(REQUEST, Map.of("variables", request(number == null ? decision : number, opinions)));

    assertRefused(response, message);
    assertThat(historic("evaluation-request")).as("no request instance, not even in history").isEqualTo(requests);
    assertThat(String.valueOf(engine.getRuntimeService().getVariable(trackingId, "requestHistory")))
        .isEqualTo(requestsBefore);
  }

  @Test
  void aRequestWithABoundedCountIsAccepted() {
    Http.Response response = Http.basic(port, "sifa", "demo").postJson(REQUEST, Map.of("variables", request(tracked(), "5")));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    // 5 < 20: refused by the trigger table, and the count was stored as the Integer 5
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(response.json().get("id")
        .asText()).variableName("publicOpinionCount").singleResult().getValue()).isEqualTo(5);
  }

  long historic(String key) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
  }

  static void assertRefused(Http.Response response, String message) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode json = response.json();
    String text = json.get("message").asText();
    assertThat(text).contains(message).containsPattern("\\p{IsHan}")
        .doesNotContain("Exception", "org.camunda", "java.", "\u0000");
  }
}
