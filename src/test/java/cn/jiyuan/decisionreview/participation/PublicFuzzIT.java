package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every public endpoint (the survey, opinion and evaluation APIs, the three pages, the assets) against malformed
 * and huge JSON, odd Unicode, wrong methods and content types, and very long or odd paths: never a 5xx, and every
 * API refusal is JSON with a Chinese message. Where the opinion and evaluation APIs do not exist, 404 is their answer.
 */
@IntegrationTest
class PublicFuzzIT {

  static final String VALID = "{\"answers\": {\"q1\": 4, \"q2\": \"新闻媒体\"}}";
  static final List<String> BODIES = List.of(
      "", " ", "{", "}", "[", "null", "true", "0", "\"answers\"", "[]", "[{}]", "{}", "{\"answers\": null}",
      "{\"answers\": []}", "{\"answers\": \"q1\"}", "{\"answers\": {\"q1\": }}", "{\"answers\": {q1: 4}}",
      "{'answers': {'q1': 4}}", "{\"answers\": {\"q1\": 4}} trailing", "{\"answers\": {\"q1\": 4}}{}",
      "{\"answers\": {\"q1\": NaN}}", "{\"answers\": {\"q1\": Infinity}}", "{\"answers\": {\"q1\": -0}}",
      "{\"answers\": {\"q1\": 1e308, \"q2\": \"政府网站\"}}", "{\"answers\": {\"q1\": 1e309}}",
      "{\"answers\": {\"q1\": " + "9".repeat(19) + "}}", "{\"answers\": {\"q1\": " + "9".repeat(100_00) + "}}",
      "{\"answers\": {\"q1\": 0.0000000000000000000001}}", "{\"answers\": {\"q1\": 4, \"q1\": 5}}",
      "{\"answers\": " + "{\"a\":".repeat(600) + "1" + "}".repeat(600) + "}",
      "[".repeat(100_000), "{\"answers\": {\"q4\": \"" + "x".repeat(60_000) + "\"}}",
      "{\"answers\": {\"q4\": \"" + "x".repeat(200_000) + "\"}}",
      "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q4\": \"\\ud800\"}}",
      "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q4\": \"\\udfff\\ud800\"}}",
      "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q4\": \"\\u0000\"}}",
      "{\"answers\": {\"q1\": 4, \"q2\": \"政府网站\", \"q4\": \"\u202e\u200f\u061c مرحبا 😀👩‍👩‍👧 \uFEFF\"}}",
      "{\"answers\": {\"q\\u0000\": 1}}", "{\"answers\": {\"\\ud800\": 1}}", "{\"answers\": {\"\": 1}}",
      "{\"answers\": {\"q2\": \"\\u653f\\u5e9c\\u7f51\\u7ad9\", \"q1\": 1}}", "{\"answers\": {\"q3\": [[[]]]}}",
      "{\"answers\": {\"q3\": {\"宣传\": true}}}", "{\"answers\": {\"q1\": 4}, \"website\": {\"x\": 1}}",
      "{\"answers\": {\"q1\": 4}, \"__proto__\": {}}", "{\"category\": \"PROBLEM\", \"text\": \"路灯不亮\"}",
      "{\"category\": \"NOPE\", \"text\": \"x\"}", "{\"category\": \"EFFECT\", \"text\": \"\\u0000\", \"contact\": 5}",
      "{\"category\": \"EFFECT\", \"text\": \"" + "长".repeat(2001) + "\"}", "\u0000\u0000", "\uFFFE",
      "<xml/>", "answers=1", "\u00ff\u00fe{", VALID);
  static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
      "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=--x", "application/json; charset=latin1",
      "application/json; charset=\u00e9", ";;;", "application/*");
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

  @LocalServerPort int port;
  @Autowired SurveyStore store;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  private final List<String> failures = new ArrayList<>();
  private Survey current;
  private int uses;

  /** A fresh survey every few posts: the burst limit per address and survey would otherwise answer everything. */
  String survey() {
    if (current == null || ++uses >= 8) {
      current = ParticipationDatabase.survey(clock.instant(), Duration.ofDays(7));
      store.create(current);
      uses = 0;
    }
    return current.surveyId();
  }

  List<String> targets() {
    return List.of("/public/api/surveys/" + survey() + "/responses",
        "/public/api/decisions/" + Http.encode("济政〔2026〕7号") + "/opinions",
        "/public/api/decisions/%E6%B5%8E%E6%94%BF%5B2026%5D7%E5%8F%B7/opinions");
  }

  void check(String label, String method, String path, String contentType, String body) {
    Http http = Http.anonymous(port);
    HttpRequest.Builder request;
    try {
      request = http.request(path);
    } catch (IllegalArgumentException notAUri) {
      return;
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    request.method(method, publisher);
    Http.Response response;
    try {
      response = http.send(request);
    } catch (IllegalStateException connectionClosed) {
      // a server that stops reading a huge body and closes the connection is answering, not failing
      return;
    }
    int status = response.status();
    String what = label + " " + method + " " + abbreviate(path) + " [" + contentType + "] " + abbreviate(body)
        + " → " + status + " " + abbreviate(response.body());
    if (status >= 500) {
      failures.add(what);
      return;
    }
    if (path.startsWith("/public/api/") && status >= 400 && !"HEAD".equals(method)) {
      String type = response.header("Content-Type");
      if (type == null || !type.startsWith("application/json")) {
        failures.add("not JSON: " + what);
        return;
      }
      String message = response.json().path("message").asText("");
      if (!message.matches("(?s).*\\p{IsHan}.*") || message.contains("Exception") || message.contains("java.")) {
        failures.add("no Chinese message: " + what);
      }
    }
    if (response.body().contains("\tat ") || response.body().contains("Exception:")) {
      failures.add("stack trace: " + what);
    }
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
  }

  @Test
  void malformedBodiesAndContentTypesNeverMakeA5xx() {
    for (String body : BODIES) {
      for (String target : targets()) {
        check("body", "POST", target, "application/json", body);
      }
    }
    for (String type : CONTENT_TYPES) {
      for (String target : targets()) {
        check("type", "POST", target, type, VALID);
      }
      check("type", "GET", "/public/api/evaluations", type, null);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void wrongMethodsOnEveryEndpointNeverMakeA5xx() {
    String id = survey();
    List<String> paths = List.of("/public/api/surveys/" + id, "/public/api/surveys/" + id + "/responses",
        "/public/api/decisions/" + Http.encode("济政〔2026〕7号") + "/opinions", "/public/api/evaluations",
        "/public/surveys/" + id, "/public/decisions/" + Http.encode("济政〔2026〕7号") + "/opinions",
        "/public/evaluations", "/public/site.css", "/public/common.js", "/public/survey.js", "/public/opinions.js",
        "/public/evaluations.js", "/public/api", "/public/api/", "/public/", "/public");
    for (String path : paths) {
      for (String method : METHODS) {
        check("method", method, path, "application/json", "GET".equals(method) || "HEAD".equals(method) ? null : VALID);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void oddAndVeryLongPathsNeverMakeA5xx() {
    List<String> segments = List.of("a".repeat(300), "a".repeat(5000), "a".repeat(20_000), "%00", "%2e%2e%2f%2e%2e",
        "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE%D8%A7", "%F0%9F%98%80", "%ED%A0%80", "%C0%AF", "%FF%FE", "%", "%zz",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1--", "%E6%B5%8E%E6%94%BF%E3%80%942026%E3%80%957%E5%8F%B7",
        "%5B%5D", "~", "%20", "con", "a;jsessionid=x");
    for (String segment : segments) {
      for (String template : List.of("/public/api/surveys/%s", "/public/api/surveys/%s/responses",
          "/public/api/decisions/%s/opinions", "/public/surveys/%s", "/public/decisions/%s/opinions",
          "/public/%s", "/public/api/%s")) {
        String path = String.format(template, segment);
        check("path", "GET", path, null, null);
        if (template.contains("responses") || template.contains("/api/decisions/")) {
          check("path", "POST", path, "application/json", VALID);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void nothingPublicShowsProcessIdsUserIdsOrMailAddresses() {
    Survey survey = ParticipationDatabase.survey(clock.instant(), Duration.ofDays(7));
    store.create(survey);
    List<String> users = jdbc.queryForList("SELECT ID_ FROM ACT_ID_USER", String.class);
    List<String> mails = jdbc.queryForList("SELECT EMAIL_ FROM ACT_ID_USER WHERE EMAIL_ IS NOT NULL", String.class);
    List<String> processes = jdbc.queryForList("SELECT ID_ FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL",
        String.class);
    Http http = Http.anonymous(port);
    for (String path : List.of("/public/api/surveys/" + survey.surveyId(), "/public/api/evaluations")) {
      Http.Response response = http.get(path);
      if (response.status() != 200) {
        assertThat(response.status()).as(path).isEqualTo(404);
        continue;
      }
      String body = response.body();
      assertThat(body).as(path).doesNotContain("@", survey.processInstanceId());
      for (String process : processes) {
        assertThat(body).as(path).doesNotContain(process);
      }
      for (String mail : mails) {
        assertThat(body).as(path).doesNotContain(mail);
      }
      assertNoInternalKeys(response.json(), users, path);
    }
  }

  /** No key names a process, task, user or address; no value is exactly a user id. */
  private static void assertNoInternalKeys(JsonNode node, List<String> users, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(field.getKey().toLowerCase()).as(path).doesNotContain("process", "task", "user", "assignee",
            "email", "mail", "ip", "clienthash", "address");
        assertNoInternalKeys(field.getValue(), users, path);
      }
    } else if (node.isArray()) {
      node.forEach(element -> assertNoInternalKeys(element, users, path));
    } else if (node.isTextual()) {
      assertThat(users).as(path).doesNotContain(node.asText());
    }
  }
}
