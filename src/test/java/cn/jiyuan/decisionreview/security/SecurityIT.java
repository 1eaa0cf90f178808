package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.TestProcesses;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** DESIGN.md §8, one test per hardening point, through the real HTTP stack. */
@IntegrationTest
class SecurityIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;

  @Test
  void engineRestNeedsBasicCredentialsOfAnEngineUser() {
    // A throwaway user: a wrong password triggers the engine's login delay for that user.
    String userId = "it" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    User user = identityService.newUser(userId);
    user.setPassword("richtig-123");
    identityService.saveUser(user);

    assertThat(Http.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(Http.basic(port, "nobody", "demo").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(Http.basic(port, userId, "richtig-123").get("/engine-rest/task").status()).isEqualTo(200);
    assertThat(Http.basic(port, userId, "falsch").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(Http.basic(port, "sifa", "demo").get("/engine-rest/process-definition").status()).isEqualTo(200);
  }

  @Test
  void adminSetupIsBlockedEvenWithoutDirectAdminMember() {
    List<User> admins = identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list();
    admins.forEach(a -> identityService.deleteMembership(a.getId(), Groups.CAMUNDA_ADMIN));
    try {
      Http.Response response = Http.anonymous(port).postJson("/camunda/api/admin/setup/default/user/create",
          Map.of("profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y", "email", "x@y.z"),
              "credentials", Map.of("password", "intruder-123")));
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json().get("message").asText()).contains("已停用");
      assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    } finally {
      admins.forEach(a -> identityService.createMembership(a.getId(), Groups.CAMUNDA_ADMIN));
    }
  }

  @Test
  void orQueriesWithExpressionsAreRejectedOnEngineRest() {
    Http sifa = Http.basic(port, "sifa", "demo");
    Map<String, Object> evil = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${1 + 1}")));

    Http.Response taskQuery = sifa.postJson("/engine-rest/task", evil);
    assertThat(taskQuery.status()).isEqualTo(400);
    assertThat(taskQuery.json().get("message").asText()).contains("orQueries");
    assertThat(sifa.postJson("/engine-rest/task/count", evil).status()).isEqualTo(400);
    assertThat(sifa.postJson("/engine-rest/filter",
        Map.of("resourceType", "Task", "name", "恶意过滤器", "query", evil)).status()).isEqualTo(400);
    assertThat(sifa.postJson("/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${x}")))).status()).isEqualTo(400);

    // The same query without an expression is fine.
    assertThat(sifa.postJson("/engine-rest/task", Map.of("orQueries", List.of(Map.of("assignee", "sifa")))).status())
        .isEqualTo(200);
  }

  @Test
  void orQueriesWithExpressionsAreRejectedOnTheWebappApi() {
    Http session = Http.webappSession(port, "sifa", "demo");
    Map<String, Object> evil = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")));
    assertThat(session.postJson("/camunda/api/engine/engine/default/task", evil).status()).isEqualTo(400);
    assertThat(session.postJson("/camunda/api/engine/engine/default/filter",
        Map.of("resourceType", "Task", "name", "恶意过滤器", "query", evil)).status()).isEqualTo(400);
    assertThat(session.postJson("/camunda/api/engine/engine/default/task",
        Map.of("orQueries", List.of(Map.of("assignee", "sifa")))).status()).isEqualTo(200);
  }

  @Test
  void webappCsrfProtectionStaysOn() {
    Http session = Http.webappSession(port, "sifa", "demo");
    Map<String, Object> query = Map.of("assignee", "sifa");
    assertThat(session.postJson("/camunda/api/engine/engine/default/task", query).status()).isEqualTo(200);
    assertThat(session.postJsonWithoutCsrf("/camunda/api/engine/engine/default/task", query).status()).isEqualTo(403);
  }

  @Test
  void projectApiAcceptsBasicAndSessionAndRequiresCsrfForSessionWrites() {
    assertThat(Http.anonymous(port).get("/api/me").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/me").json().get("message").asText()).contains("登录");
    assertThat(Http.basic(port, "fgw", "demo").get("/api/me").json().get("userId").asText()).isEqualTo("fgw");
    Http session = Http.webappSession(port, "zhengfu", "demo");
    assertThat(session.get("/api/me").json().get("userId").asText()).isEqualTo("zhengfu");
    assertThat(session.postJsonWithoutCsrf("/api/me", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void securityHeadersArePresent() {
    Http.Response tasklist = Http.anonymous(port).get("/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.header("Content-Security-Policy")).isNotBlank();
    assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.header("X-Frame-Options")).isNotBlank();

    Http.Response rest = Http.basic(port, "sifa", "demo").get("/engine-rest/task");
    assertThat(rest.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(rest.header("Cache-Control")).startsWith("no-");
    assertThat(Http.basic(port, "sifa", "demo").get("/api/me").header("X-Frame-Options")).isNotBlank();
  }

  @Test
  void errorResponsesCarryNoStackTraces() {
    Http sifa = Http.basic(port, "sifa", "demo");
    List<Http.Response> errors = List.of(
        sifa.get("/engine-rest/task/does-not-exist"),
        sifa.postJson("/engine-rest/task", "{ this is not json"),
        sifa.get("/engine-rest/process-definition/key/no-such-process/start"),
        sifa.postJson("/engine-rest/process-definition/key/no-such-process/start", Map.of()),
        sifa.get("/api/no-such-endpoint"),
        Http.anonymous(port).get("/no-such-page"),
        Http.anonymous(port).postJson("/camunda/api/admin/auth/user/default/login/tasklist", "x"));
    for (Http.Response error : errors) {
      assertThat(error.status()).isGreaterThanOrEqualTo(400);
      assertThat(error.body()).doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at java.")
          .doesNotContain("Exception:").doesNotContainIgnoringCase("stacktrace").doesNotContain("Apache Tomcat/");
    }
  }

  @Covers({"第二十三条"})
  @Test
  void aUnitCannotReadAnotherUnitsDataThroughTheRestApi() {
    ProcessInstance fgwInstance = TestProcesses.startUnitTask(engine, "exec-fgw", "济政〔2026〕901号");
    Task fgwTask = engine.getTaskService().createTaskQuery().processInstanceId(fgwInstance.getId()).singleResult();
    Http jyj = Http.basic(port, "jyj", "demo");
    Http fgw = Http.basic(port, "fgw", "demo");

    assertThat(jyj.get("/engine-rest/task?processInstanceId=" + fgwInstance.getId()).json()).isEmpty();
    assertThat(jyj.get("/engine-rest/task/" + fgwTask.getId()).status()).isIn(403, 404);
    assertThat(jyj.get("/engine-rest/task/" + fgwTask.getId() + "/variables").status()).isIn(403, 404);
    assertThat(jyj.get("/engine-rest/process-instance/" + fgwInstance.getId()).status()).isIn(403, 404);
    assertThat(jyj.get("/engine-rest/process-instance/" + fgwInstance.getId() + "/variables").status()).isIn(403, 404);
    assertThat(jyj.get("/engine-rest/process-instance?businessKey=" + Http.encode("济政〔2026〕901号")).json()).isEmpty();
    assertThat(jyj.get("/engine-rest/history/process-instance?processInstanceId=" + fgwInstance.getId()).json()).isEmpty();
    assertThat(jyj.get("/engine-rest/history/variable-instance?processInstanceId=" + fgwInstance.getId()).json()).isEmpty();
    assertThat(jyj.postJson("/engine-rest/task/" + fgwTask.getId() + "/complete", Map.of()).status()).isIn(403, 404);

    assertThat(fgw.get("/engine-rest/task/" + fgwTask.getId()).status()).isEqualTo(200);
    assertThat(fgw.get("/engine-rest/task/" + fgwTask.getId() + "/variables").json().get("secret").get("value").asText())
        .contains("exec-fgw");
  }
}
