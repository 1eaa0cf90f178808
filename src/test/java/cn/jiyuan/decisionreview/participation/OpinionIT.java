package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.tracking.EvaluationRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opinion intake through the public API (issue 11 item 5), the Art. 8(3) request the system raises once per window,
 * the staff's list and export, and the Art. 23 retention.
 */
@IntegrationTest
class OpinionIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired OpinionIntake intake;
  @Autowired OpinionStore opinions;
  @Autowired SurveyStore surveys;
  @Autowired ParticipationRetention retention;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  /** 登记重大行政决策 as the authority does; returns the tracking instance id. */
  private String register(String number, String unit) {
    Map<String, Object> vars = new LinkedHashMap<>();
    Map.of("decisionNumber", number, "decisionTitle", "济源市城区公交线网优化方案", "decisionCategory", "OTHER",
        "broadImpact", false, "implementationStart", "2026-01-01", "implementationEnd", "", "executingUnit", unit,
        "superiorMandated", false).forEach((k, v) -> vars.put(k, Map.of("value", v)));
    Http.Response registered = as("zhengfu").postJson(
        "/engine-rest/process-definition/key/decision-tracking/submit-form", Map.of("variables", vars));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    return registered.json().get("id").asText();
  }

  private static String path(String number) {
    return "/public/api/decisions/" + Http.encode(number) + "/opinions";
  }

  private Http.Response post(String number, Object body) {
    return Http.anonymous(port).postJson(path(number), body);
  }

  private static Map<String, Object> opinion(String category, String text) {
    return Map.of("category", category, "text", text);
  }

  private int stored(String number) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dr_public_opinion WHERE decision_number = ?", Integer.class, number);
  }

  /** n opinions from n different addresses (as from n citizens), through the same intake the API uses. */
  private void opinionsFromCitizens(String number, int n, int firstAddress) throws Exception {
    for (int i = 0; i < n; i++) {
      intake.submit(number, JSON.readTree("{\"category\":\"PROBLEM\",\"text\":\"站点间距过大，老人步行不便\"}"),
          "10.20." + (firstAddress + i) / 250 + "." + (firstAddress + i) % 250);
    }
  }

  private List<ProcessInstance> requests(String number) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EVALUATION_REQUEST)
        .processInstanceBusinessKey(number).list();
  }

  private long raisedRequests(String number) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EVALUATION_REQUEST).processInstanceBusinessKey(number).count();
  }

  @Covers({"第六条", "条例第三十五条"})
  @Test
  void aCitizenSubmitsAnOpinionAndGetsAReceiptUnderEitherSpellingOfTheNumber() {
    String number = DecisionNumbers.unique();
    register(number, "exec-jyj");
    Http.Response created = post(number, Map.of("category", "SUGGESTION", "text", "建议<script>增加</script>夜班车",
        "contact", "13900001111"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("receipt").asText()).matches("\\d{8}-[2-9A-HJKMNP-Z]{10}");
    String bracketed = number.replace('〔', '[').replace('〕', ']');
    assertThat(post(bracketed, opinion("EFFECT", "通勤时间缩短")).status()).isEqualTo(201);
    assertThat(post(number.replace('〔', '【').replace('〕', '】'), opinion("IMPLEMENTATION", "已调整")).status())
        .isEqualTo(201);
    assertThat(stored(number)).isEqualTo(3);
    // only the keyed hash of the address is kept
    assertThat(jdbc.queryForList("SELECT client_hash FROM dr_public_opinion WHERE decision_number = ?", String.class,
        number)).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }

  @Test
  void refusalsAreChineseJsonAndStoreNothing() {
    String number = DecisionNumbers.unique();
    register(number, "exec-jyj");

    Http.Response unknown = post("济政〔1900〕1号", opinion("PROBLEM", "无"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).contains("未找到", "正在跟踪");

    Http.Response invalid = post(number, Map.of("category", "COMPLAINT", "text", "x"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("message").asText()).contains("category", "意见类别");
    Http.Response tooLong = post(number, opinion("PROBLEM", "长".repeat(2001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("message").asText()).contains("text", "2000");
    assertThat(post(number, "{\"category\":").status()).isEqualTo(400);
    assertThat(post(number, "\"text\"").status()).isEqualTo(400);

    Http.Response plain = Http.anonymous(port).send(Http.anonymous(port).request(path(number))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"PROBLEM\"}")));
    assertThat(plain.status()).isEqualTo(415);
    assertThat(plain.json().get("message").asText()).contains("JSON");
    Http.Response none = Http.anonymous(port).send(Http.anonymous(port).request(path(number))
        .POST(HttpRequest.BodyPublishers.ofString("category=PROBLEM")));
    assertThat(none.status()).isEqualTo(415);
    // wrong methods are refused by Spring MVC before the endpoint, never as a 500
    assertThat(Http.anonymous(port).get(path(number)).status()).isEqualTo(405);
    assertThat(Http.anonymous(port).putJson(path(number), opinion("PROBLEM", "x")).status()).isEqualTo(405);
    assertThat(stored(number)).isZero();
  }

  @Test
  void oneAddressIsLimitedWithRetryAfter() {
    String number = DecisionNumbers.unique();
    register(number, "exec-jyj");
    int accepted = 0;
    Http.Response limited = null;
    for (int i = 0; i < 25 && limited == null; i++) {
      Http.Response r = post(number, opinion("PROBLEM", "第 " + i + " 条"));
      if (r.status() == 429) {
        limited = r;
      } else {
        assertThat(r.status()).isEqualTo(201);
        accepted++;
      }
    }
    assertThat(limited).as("the burst limit answers 429").isNotNull();
    assertThat(limited.json().get("message").asText()).contains("频繁");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    assertThat(stored(number)).isEqualTo(accepted);
  }

  /** Art. 8(3): 20 opinions (the table's threshold) raise one request; more in the same window raise none. */
  @Test
  void enoughOpinionsRaiseOneRequestPerWindowVisibleInTheRegistry() throws Exception {
    String number = DecisionNumbers.unique();
    register(number, "exec-zjj");
    // The first window lies 100 days back, so that the second one is today and no timer of today is passed.
    Instant today = Instant.now();
    ClockUtil.setCurrentTime(Date.from(today.minus(Duration.ofDays(100))));
    opinionsFromCitizens(number, 19, 0);
    assertThat(raisedRequests(number)).isZero();
    opinionsFromCitizens(number, 1, 19);
    assertThat(raisedRequests(number)).isEqualTo(1);
    opinionsFromCitizens(number, 5, 20);
    assertThat(raisedRequests(number)).as("25 opinions in one window: still one request").isEqualTo(1);
    Jobs.drain(engine, number);

    JsonNode requests = as("sifa").get("/api/decisions/" + Http.encode(number)).json().get("requests");
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).get("requestReason").asText()).isEqualTo("PUBLIC_OPINIONS");
    assertThat(requests.get(0).get("requestedBy").asText()).isEqualTo(EvaluationRequests.SYSTEM_REQUESTER)
        .isEqualTo("系统（公众意见统计）");
    assertThat(requests.get(0).get("legalBasis").asText()).isEqualTo("第八条第（三）项");
    assertThat(requests.get(0).get("description").asText()).contains("20 条", "第八条第（三）项");
    assertThat(requests.get(0).get("handling").asText()).isEqualTo("STARTED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("publicOpinionCount")
        .processInstanceIdIn(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.EVALUATION_REQUEST).processInstanceBusinessKey(number).singleResult()
            .getId()).singleResult().getValue()).isEqualTo(20);

    // Past the window the old opinions no longer count; 20 new ones raise the second request.
    ClockUtil.reset();
    opinionsFromCitizens(number, 19, 100);
    assertThat(raisedRequests(number)).isEqualTo(1);
    opinionsFromCitizens(number, 1, 200);
    assertThat(raisedRequests(number)).isEqualTo(2);
    Jobs.drain(engine, number);
    assertThat(as("sifa").get("/api/decisions/" + Http.encode(number)).json().get("requests")
        .findValuesAsText("requestReason")).containsExactly("PUBLIC_OPINIONS", "PUBLIC_OPINIONS");
  }

  @Test
  void twoOpinionsCrossingTheThresholdTogetherRaiseOneRequest() throws Exception {
    String number = DecisionNumbers.unique();
    register(number, "exec-jyj");
    for (int i = 0; i < 18; i++) {
      opinions.add(new PublicOpinion(Receipts.next(Instant.now()), number, OpinionCategory.EFFECT, "效果不明显", null,
          Instant.now()), "0".repeat(64));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Object>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int n = i;
        both.add(() -> {
          opinionsFromCitizens(number, 1, 300 + n);
          return null;
        });
      }
      for (Future<Object> f : pool.invokeAll(both)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored(number)).isEqualTo(20);
    assertThat(raisedRequests(number)).isEqualTo(1);
  }

  @Test
  void noRequestForADecisionThatIsNotTracked() throws Exception {
    String number = DecisionNumbers.unique();
    for (int i = 0; i < 21; i++) {
      assertThat(post(number, opinion("PROBLEM", "无")).status()).isIn(404, 429);
    }
    assertThat(stored(number)).isZero();
    assertThat(raisedRequests(number)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_opinion_trigger WHERE decision_number = ?", Integer.class,
        number)).isZero();
  }

  /** Staff of the evaluation see their decision's opinions (no address data); others get 403, unknown ids 404. */
  @Test
  void theEvaluationsParticipantsListAndExportTheOpinions() throws Exception {
    String number = DecisionNumbers.unique();
    register(number, "exec-jyj");
    assertThat(post(number, Map.of("category", "PROBLEM", "text", "课后服务收费不透明", "contact", "王女士 13800000000"))
        .status()).isEqualTo(201);
    assertThat(post(number, opinion("SUGGESTION", "增加体育类课程")).status()).isEqualTo(201);
    EvaluationScenario evaluation = EvaluationScenario.start(engine, number, "exec-jyj");
    String id = evaluation.instance.getId();

    Http.Response listed = as("jyj").get("/api/evaluations/" + id + "/opinions");
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode list = listed.json();
    assertThat(list).hasSize(2);
    assertThat(list.findValuesAsText("categoryLabel")).containsExactlyInAnyOrder("存在问题", "意见建议");
    assertThat(list.findValuesAsText("text")).contains("课后服务收费不透明");
    assertThat(list.findValuesAsText("contact")).contains("王女士 13800000000");
    assertThat(list.get(0).has("submittedAt")).isTrue();
    assertThat(listed.body()).doesNotContain("client", "hash", "127.0.0.1");
    assertThat(as("ducha").get("/api/evaluations/" + id + "/opinions").status()).isEqualTo(200);
    assertThat(as("fgw").get("/api/evaluations/" + id + "/opinions").status()).isEqualTo(403);
    assertThat(as("jyj").get("/api/evaluations/does-not-exist/opinions").status()).isEqualTo(404);

    Http.Response xlsx = as("sifa").get("/api/evaluations/" + id + "/opinions.xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.header("Content-Disposition")).contains("filename*=UTF-8''")
        .contains(Http.encode("公众意见.xlsx"));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("回执号");
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("意见内容");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      List<String> texts = List.of(sheet.getRow(2).getCell(2).getStringCellValue(),
          sheet.getRow(3).getCell(2).getStringCellValue());
      assertThat(texts).containsExactlyInAnyOrder("课后服务收费不透明", "增加体育类课程");
    }
    assertThat(as("fgw").get("/api/evaluations/" + id + "/opinions.xlsx").status()).isEqualTo(403);
  }

  /** Art. 23: the nightly job deletes opinions and answers older than the retention (two years), and only those. */
  @Test
  void opinionsAndAnswersPastTheRetentionAreDeleted() {
    String number = DecisionNumbers.unique();
    Instant now = Instant.now();
    Instant old = now.minus(Duration.ofDays(2 * 365 + 5));
    opinions.add(new PublicOpinion("OLD-" + number.hashCode(), number, OpinionCategory.PROBLEM, "旧意见", null, old),
        "a".repeat(64));
    opinions.add(new PublicOpinion("NEW-" + number.hashCode(), number, OpinionCategory.PROBLEM, "新意见", null,
        now.minus(Duration.ofDays(30))), "a".repeat(64));
    String surveyId = Receipts.surveyId();
    surveys.create(new Survey(surveyId, "retention-" + surveyId, number, "标题", "EXECUTION", "问卷", List.of(),
        old.minus(Duration.ofDays(10)), now, null));
    surveys.addResponse(new SurveyResponse("R-OLD-" + surveyId.substring(0, 8), surveyId, Map.of("q1", 5), old), "h1",
        "c1");
    surveys.addResponse(new SurveyResponse("R-NEW-" + surveyId.substring(0, 8), surveyId, Map.of("q1", 4),
        now.minus(Duration.ofDays(1))), "h2", "c2");

    // A year ago nothing here was past two years.
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(365))));
    retention.nightly();
    assertThat(stored(number)).isEqualTo(2);
    ClockUtil.reset();
    ParticipationRetention.Deleted deleted = retention.deleteExpired();
    assertThat(deleted.opinions()).isPositive();
    assertThat(opinions.of(number)).extracting(PublicOpinion::text).containsExactly("新意见");
    assertThat(surveys.responses(surveyId)).extracting(SurveyResponse::receipt)
        .containsExactly("R-NEW-" + surveyId.substring(0, 8));
  }
}
