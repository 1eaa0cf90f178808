package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public questionnaire API through HTTP, without logging in: what a survey shows (and what it does not), an
 * answer sheet accepted, refused for each reason with a Chinese JSON message, and nothing stored when refused.
 */
@IntegrationTest
class PublicSurveyIT {

  static final String ANSWERS = "{\"answers\": {\"q1\": 4, \"q2\": \"新闻媒体\", \"q3\": [\"办理流程\"], \"q4\": \"希望简化材料\"}}";

  @LocalServerPort int port;
  @Autowired SurveyStore store;
  @Autowired Clock clock;

  Http http() {
    return Http.anonymous(port);
  }

  Survey open() {
    Survey survey = ParticipationDatabase.survey(clock.instant(), Duration.ofDays(7));
    store.create(survey);
    return survey;
  }

  Survey with(Instant opensAt, Instant closesAt, Instant closedAt) {
    Survey survey = new Survey(Receipts.surveyId(), "pi-" + UUID.randomUUID(), "济政〔2026〕8号", "关于老旧小区改造的决定",
        "MID_TERM", "老旧小区改造中期评估问卷", ParticipationDatabase.QUESTIONS, opensAt, closesAt, closedAt);
    store.create(survey);
    return survey;
  }

  Http.Response post(Survey survey, String body) {
    return post(survey.surveyId(), body, "application/json");
  }

  Http.Response post(String surveyId, String body, String contentType) {
    return http().send(http().request("/public/api/surveys/" + surveyId + "/responses")
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static void assertChineseJson(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    String message = response.json().path("message").asText();
    assertThat(message).as(response.body()).containsPattern("\\p{IsHan}").doesNotContain("Exception", "java.", "at cn.");
  }

  @Test
  void aSurveyShowsItsQuestionsDatesAndWhyTheEvaluationIsHeld() {
    Survey survey = open();
    Http.Response response = http().get("/public/api/surveys/" + survey.surveyId());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Set-Cookie")).isNull();
    JsonNode json = response.json();
    assertThat(json.path("surveyId").asText()).isEqualTo(survey.surveyId());
    assertThat(json.path("decisionNumber").asText()).isEqualTo("济政〔2026〕7号");
    assertThat(json.path("decisionTitle").asText()).isEqualTo("关于实施城乡居民养老补贴的决定");
    assertThat(json.path("title").asText()).isEqualTo("城乡居民养老补贴政策实施情况调查问卷");
    assertThat(json.path("status").asText()).isEqualTo("OPEN");
    assertThat(json.path("opensAt").asText()).endsWith("+08:00")
        .isEqualTo(PublicSurveyController.DATE_TIME.format(survey.opensAt()));
    assertThat(json.path("closesAt").asText()).endsWith("+08:00");
    assertThat(json.path("questions")).hasSize(4);
    JsonNode first = json.path("questions").get(0);
    assertThat(first.path("id").asText()).isEqualTo("q1");
    assertThat(first.path("type").asText()).isEqualTo("SCALE");
    assertThat(first.path("required").asBoolean()).isTrue();
    assertThat(first.path("options")).isEmpty();
    assertThat(first.path("dimension").asText()).isEqualTo("EFFECT");
    assertThat(json.path("questions").get(1).path("options")).extracting(JsonNode::asText)
        .containsExactly("政府网站", "新闻媒体", "社区宣传");
    assertThat(json.path("questions").get(1).path("dimension").isNull()).isTrue();
    assertThat(json.path("scale")).extracting(p -> p.path("value").asInt() + p.path("label").asText())
        .containsExactly("5很满意", "4满意", "3一般", "2不满意", "1很不满意", "0不清楚");
    assertThat(json.path("evaluationType").asText()).isEqualTo("EXECUTION");
    assertThat(json.path("evaluationTypeName").asText()).isEqualTo("执行评估");
    assertThat(json.path("legalBasis").asText()).isEqualTo("第十九条第一款");
    assertThat(json.path("retention").asText()).isEqualTo("2 年");
    assertThat(json.path("dimensions").path("EFFECT").asText()).isEqualTo("近期效益与长远影响");
  }

  @Test
  void nothingInternalIsShown() {
    Survey survey = open();
    String body = http().get("/public/api/surveys/" + survey.surveyId()).body();
    assertThat(body).doesNotContain(survey.processInstanceId(), "processInstance", "@", "createdAt", "userId",
        "assignee");
    for (Iterator<String> names = http().get("/public/api/surveys/" + survey.surveyId()).json().fieldNames();
        names.hasNext();) {
      assertThat(names.next()).isIn("surveyId", "decisionNumber", "decisionTitle", "title", "opensAt", "closesAt",
          "status", "questions", "scale", "closedAt", "evaluationType", "evaluationTypeName", "legalBasis",
          "evaluationReason", "dimensions", "maxTextLength", "retention");
    }
  }

  @Test
  void anUnknownSurveyIsA404InChinese() {
    assertChineseJson(http().get("/public/api/surveys/" + Receipts.surveyId()), 404);
    assertChineseJson(http().get("/public/api/surveys/x"), 404);
    assertChineseJson(post(Receipts.surveyId(), ANSWERS, "application/json"), 404);
  }

  @Test
  void anAnswerSheetIsStoredWithoutLoginAndGetsAReceipt() {
    Survey survey = open();
    Http.Response response = post(survey, ANSWERS);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.header("Set-Cookie")).isNull();
    String receipt = response.json().path("receipt").asText();
    assertThat(receipt).matches("\\d{8}-[0-9A-Z]{10}");
    assertThat(store.responses(survey.surveyId())).singleElement().satisfies(r -> {
      assertThat(r.receipt()).isEqualTo(receipt);
      assertThat(r.answers()).isEqualTo(Map.of("q1", 4, "q2", "新闻媒体", "q3", List.of("办理流程"), "q4", "希望简化材料"));
    });
    String stored = store.responses(survey.surveyId()).get(0).toString();
    assertThat(stored).doesNotContain("127.0.0.1");
  }

  @Test
  void theSameSheetSentAgainKeepsItsReceiptAndIsStoredOnce() {
    Survey survey = open();
    String first = post(survey, ANSWERS).json().path("receipt").asText();
    Http.Response again = post(survey, ANSWERS.replace("{\"q1\": 4,", "{  \"q1\" : 4 ,"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().path("receipt").asText()).isEqualTo(first);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(1);
  }

  @Test
  void aHoneypotThatIsEmptyIsFineAndOneThatIsFilledIsRefused() {
    Survey survey = open();
    assertThat(post(survey, "{\"website\": \"\", \"answers\": {\"q1\": 5, \"q2\": \"政府网站\"}}").status())
        .isEqualTo(201);
    assertChineseJson(post(survey, "{\"website\": \"http://spam.example\", \"answers\": {\"q1\": 3, \"q2\": \"政府网站\"}}"),
        400);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(1);
  }

  @Test
  void invalidAnswersAreRefusedNamingTheQuestionAndNothingIsStored() {
    Survey survey = open();
    Map<String, String> cases = Map.of(
        "{\"answers\": {\"q2\": \"政府网站\"}}", "第1题（您对该政策的总体实施效果是否满意？）：此题必答，请选择一项评价。",
        "{\"answers\": {\"q1\": 4.0, \"q2\": \"政府网站\"}}", "第1题",
        "{\"answers\": {\"q1\": \"4\", \"q2\": \"政府网站\"}}", "第1题",
        "{\"answers\": {\"q1\": 4, \"q2\": \"微博\"}}", "第2题（您是通过什么途径了解到这项政策的？）：所选的不是本题的选项，请重新选择。",
        "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q3\": [\"宣传\", \"宣传\"]}}", "第3题",
        "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q4\": \"" + "长".repeat(2001) + "\"}}", "第4题",
        "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q7\": 1}}", "问卷中没有题目“q7”",
        "{\"answer\": {\"q1\": 4}}", "不认识的字段",
        "{}", "缺少 answers");
    cases.forEach((body, expected) -> {
      Http.Response response = post(survey, body);
      assertChineseJson(response, 400);
      assertThat(response.json().path("message").asText()).as(body).contains(expected);
    });
    Http.Response many = post(survey, "{\"answers\": {\"q3\": \"宣传\"}}");
    assertThat(many.json().path("errors")).extracting(e -> e.path("questionId").asText())
        .containsExactly("q1", "q2", "q3");
    assertThat(store.responseCount(survey.surveyId())).isZero();
  }

  @Test
  void aSurveyNotYetOpenOrClosedRefusesWith409AndSaysWhen() {
    Instant now = clock.instant();
    Survey notYet = with(Instant.parse("2099-03-01T01:00:00Z"), Instant.parse("2099-03-31T15:59:00Z"), null);
    Http.Response early = post(notYet, ANSWERS);
    assertChineseJson(early, 409);
    assertThat(early.json().path("message").asText()).contains("尚未开始", "2099年3月1日 09:00", "2099年3月31日 23:59");
    assertThat(http().get("/public/api/surveys/" + notYet.surveyId()).json().path("status").asText())
        .isEqualTo("NOT_OPEN");

    Survey ended = with(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), null);
    Http.Response late = post(ended, ANSWERS);
    assertChineseJson(late, 409);
    assertThat(late.json().path("message").asText()).contains("已于", "结束征集");
    assertThat(http().get("/public/api/surveys/" + ended.surveyId()).json().path("status").asText())
        .isEqualTo("CLOSED");

    Survey closedEarly = with(now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(3)),
        Instant.parse("2026-01-05T02:30:00Z"));
    Http.Response early2 = post(closedEarly, ANSWERS);
    assertChineseJson(early2, 409);
    assertThat(early2.json().path("message").asText()).contains("2026年1月5日 10:30");
    for (Survey survey : List.of(notYet, ended, closedEarly)) {
      assertThat(store.responseCount(survey.surveyId())).isZero();
    }
  }

  @Test
  void aSurveyClosedByStaffStopsTakingAnswersWithinTwoSeconds() throws InterruptedException {
    Survey survey = open();
    assertThat(post(survey, ANSWERS).status()).isEqualTo(201);
    store.close(survey.surveyId(), clock.instant());
    Thread.sleep(PublicSurveys.SURVEY_TTL.toMillis() + 300);
    assertChineseJson(post(survey, "{\"answers\": {\"q1\": 1, \"q2\": \"政府网站\"}}"), 409);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(1);
  }

  @Test
  void wrongContentTypesAre415() {
    Survey survey = open();
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=gbk",
        "application/xml")) {
      assertChineseJson(post(survey.surveyId(), ANSWERS, type), 415);
    }
    Http.Response none = http().send(http().request("/public/api/surveys/" + survey.surveyId() + "/responses")
        .POST(HttpRequest.BodyPublishers.ofString(ANSWERS)));
    assertChineseJson(none, 415);
    assertThat(post(survey.surveyId(), ANSWERS, "application/json; charset=UTF-8").status()).isEqualTo(201);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(1);
  }

  @Test
  void wrongMethodsAre405() {
    Survey survey = open();
    String responses = "/public/api/surveys/" + survey.surveyId() + "/responses";
    assertChineseJson(http().get(responses), 405);
    assertChineseJson(http().send(http().request(responses).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(ANSWERS))), 405);
    assertChineseJson(http().delete("/public/api/surveys/" + survey.surveyId()), 405);
    assertChineseJson(post("/public/api/surveys/" + survey.surveyId(), ANSWERS), 405);
    // a browser that asks for HTML still gets JSON from the API
    assertChineseJson(http().send(http().request(responses).header("Accept", "text/html").DELETE()), 405);
  }

  private Http.Response post(String path, String body) {
    return http().send(http().request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void bodiesOver64KbAre413WhetherDeclaredOrChunked() {
    Survey survey = open();
    String huge = "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q4\": \"" + "a".repeat(70_000) + "\"}}";
    assertChineseJson(post(survey, huge), 413);
    Http.Response chunked = http().send(http().request("/public/api/surveys/" + survey.surveyId() + "/responses")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));
    assertChineseJson(chunked, 413);
    assertThat(chunked.json().path("message").asText()).contains("64 KB");
    assertThat(store.responseCount(survey.surveyId())).isZero();
  }

  @Test
  void malformedJsonIs400() {
    Survey survey = open();
    for (String body : List.of("", "{", "not json", "[]", "null", "{\"answers\": {\"q1\": 4,}}",
        "{\"answers\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"answers\": {\"q1\": " + "9".repeat(5000) + "}}",
        "{\"answers\": {\"q1\": 1e999999, \"q2\": \"政府网站\"}}", "{\"answers\": {}, \"answers\": {}}")) {
      assertChineseJson(post(survey, body), 400);
    }
    assertThat(store.responseCount(survey.surveyId())).isZero();
  }

  @Test
  void forwardedForIsNotBelievedWithoutTrustedProxiesAndTheBurstLimitAnswers429() {
    Survey survey = open();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      // each request claims to come from another address; none is a trusted proxy, so all are 127.0.0.1
      statuses.add(http().send(http().request("/public/api/surveys/" + survey.surveyId() + "/responses")
          .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + i)
          .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"q1\": " + (i % 6) + ", \"q2\": \"政府网站\", "
              + "\"q4\": \"第" + i + "份\"}}"))).status());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(201);
    assertThat(statuses.get(10)).isEqualTo(429);
    Http.Response limited = post(survey, ANSWERS);
    assertChineseJson(limited, 429);
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(10);
    // another survey has its own limit
    assertThat(post(open(), ANSWERS).status()).isEqualTo(201);
  }

  @Test
  void onlyPublicAndHealthNeedNoLogin() {
    Survey survey = open();
    assertThat(http().get("/public/api/surveys/" + survey.surveyId()).status()).isEqualTo(200);
    assertThat(http().get("/public/surveys/" + survey.surveyId()).status()).isEqualTo(200);
    assertThat(http().get("/public/evaluations").status()).isEqualTo(200);
    assertThat(http().get("/public/survey.js").status()).isEqualTo(200);
    assertThat(http().get("/actuator/health").status()).isEqualTo(200);
    for (String path : List.of("/api/decisions", "/api/evaluations/x/survey", "/engine-rest/task",
        "/engine-rest/process-instance", "/camunda/api/engine/engine/default/task")) {
      assertThat(http().get(path).status()).as(path).isIn(401, 403);
    }
  }

  @Test
  void thePagesAllowOnlyTheirOwnScriptsAndStyles() {
    Http.Response page = http().get("/public/surveys/" + open().surveyId());
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.body()).contains("/public/survey.js", "/public/site.css", "2 年").doesNotContain("<script>")
        .doesNotContain(" style=").doesNotContain("{{");
  }
}
