package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Comments and attachments by participants only; a refused job call has no side effect. */
@IntegrationTest
class EngineWriteGuardsIT {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void readOnlyRolesAndOtherUnitsCannotCommentOnATaskOnEitherApi() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    for (String user : List.of("ducha", "sifa", "zhengfu", "jyj", "jigou", "zhuanjia1")) {
      for (String api : List.of(ENGINE_REST, WEBAPP)) {
        Http http = api.equals(ENGINE_REST) ? Http.basic(port, user, "demo") : Http.webappSession(port, user, "demo");
        String before = EngineState.of(engine, f.processInstanceId());
        Http.Response comment = http.postJson(api + "/task/" + f.taskId() + "/comment/create", Map.of("message", "越权评论"));
        assertThat(comment.status()).as(user + " " + api).isEqualTo(403);
        assertThat(Refusals.assertChineseRefusal(user + " comment", comment)).contains("办理人", "候选");
        Http.Response attachment = http.send(http.request(api + "/task/" + f.taskId() + "/attachment/create")
            .header("Content-Type", "multipart/form-data; boundary=b")
            .header("X-XSRF-TOKEN", http.csrfToken() == null ? "" : http.csrfToken())
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "--b\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n越权附件\r\n"
                    + "--b\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://example.org/\r\n--b--\r\n")));
        assertThat(attachment.status()).as(user + " " + api + " attachment " + attachment.body()).isEqualTo(403);
        Refusals.assertChineseRefusal(user + " attachment", attachment);
        assertThat(EngineState.of(engine, f.processInstanceId())).as(user + " " + api).isEqualTo(before);
      }
    }
    assertThat(engine.getTaskService().getTaskComments(f.taskId())).isEmpty();
    assertThat(engine.getTaskService().getTaskAttachments(f.taskId())).isEmpty();
  }

  @Test
  void candidatesAndTheAdministratorMayCommentAndOnlyAuthorsChangeTheirComments() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    Http fgw = Http.webappSession(port, "fgw", "demo");
    assertThat(fgw.postJson(WEBAPP + "/task/" + f.taskId() + "/comment/create", Map.of("message", "材料已在准备")).status())
        .isEqualTo(200);
    assertThat(Http.basic(port, "demo", "demo").postJson(ENGINE_REST + "/task/" + f.taskId() + "/comment/create",
        Map.of("message", "管理员备注")).status()).isEqualTo(200);
    List<Comment> comments = engine.getTaskService().getTaskComments(f.taskId());
    assertThat(comments).extracting(Comment::getUserId).containsExactlyInAnyOrder("fgw", "demo");
    String fgwComment = comments.stream().filter(c -> c.getUserId().equals("fgw")).findFirst().orElseThrow().getId();
    String demoComment = comments.stream().filter(c -> c.getUserId().equals("demo")).findFirst().orElseThrow().getId();

    // A read-only role cannot delete anyone's comment; a candidate cannot delete or edit someone else's.
    assertThat(Http.basic(port, "ducha", "demo").delete(ENGINE_REST + "/task/" + f.taskId() + "/comment/" + fgwComment)
        .status()).isEqualTo(403);
    Http fgwBasic = Http.basic(port, "fgw", "demo");
    Http.Response foreign = fgwBasic.delete(ENGINE_REST + "/task/" + f.taskId() + "/comment/" + demoComment);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(Refusals.assertChineseRefusal("delete another's comment", foreign)).contains("自己");
    assertThat(fgwBasic.putJson(ENGINE_REST + "/task/" + f.taskId() + "/comment",
        Map.of("id", demoComment, "message", "改写他人评论")).status()).isEqualTo(403);
    assertThat(fgwBasic.delete(ENGINE_REST + "/task/" + f.taskId() + "/comment").status()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskComments(f.taskId())).hasSize(2);

    // Own comments: edit and delete.
    assertThat(fgwBasic.putJson(ENGINE_REST + "/task/" + f.taskId() + "/comment",
        Map.of("id", fgwComment, "message", "材料已齐")).status()).isEqualTo(204);
    assertThat(fgwBasic.delete(ENGINE_REST + "/task/" + f.taskId() + "/comment/" + fgwComment).status()).isEqualTo(204);
    assertThat(engine.getTaskService().getTaskComments(f.taskId())).extracting(Comment::getUserId).containsExactly("demo");
  }

  @Test
  void aCandidateCannotHangACommentOnAnotherInstanceOrOnAProcessInstanceWithoutATask() {
    WriteFixture own = WriteFixture.start(engine, "exec-fgw");
    WriteFixture other = WriteFixture.start(engine, "exec-jyj");
    Http fgw = Http.basic(port, "fgw", "demo");
    Http.Response crossed = fgw.postJson(ENGINE_REST + "/task/" + own.taskId() + "/comment/create",
        Map.of("message", "挂到别的流程", "processInstanceId", other.processInstanceId()));
    assertThat(crossed.status()).isBetween(400, 403);
    Refusals.assertChineseRefusal("comment on another instance", crossed);
    assertThat(engine.getTaskService().getProcessInstanceComments(other.processInstanceId())).isEmpty();
    assertThat(Http.basic(port, "ducha", "demo").putJson(ENGINE_REST + "/process-instance/" + own.processInstanceId()
        + "/comment", Map.of("id", "x", "message", "y")).status()).isEqualTo(403);
  }

  @Test
  void theEngineRefusesTheSameWritesWhenJavaCodeActsForAUser() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    engine.getIdentityService().setAuthentication("ducha", List.of("supervision-office"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().createComment(f.taskId(), null, "越权"))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("只能查看");
      assertThatThrownBy(() -> engine.getTaskService().createAttachment("url", f.taskId(), null, "x", "y", "https://example.org"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getTaskService().createComment(null, f.processInstanceId(), "越权"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getIdentityService().setAuthentication("fgw", List.of("exec-fgw"));
    try {
      assertThat(engine.getTaskService().createComment(f.taskId(), null, "本单位评论").getUserId()).isEqualTo("fgw");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().getTaskComments(f.taskId())).hasSize(1);
  }

  /** What Tasklist shows on 认领 by a read-only user, and on a refused submission. */
  @Test
  void tasklistShowsRefusalsInChineseWithoutTheEnginesPrefix() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    Http.Response claim = Http.webappSession(port, "ducha", "demo").postJson(WEBAPP + "/task/" + f.taskId() + "/claim",
        Map.of("userId", "ducha"));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().get("message").asText()).isEqualTo("您无权认领或办理此任务。");
    assertThat(claim.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(claim.json().get("missingAuthorizations").isArray()).isTrue();

    var scenario = cn.jiyuan.decisionreview.evaluation.EvaluationScenario.start(engine, "济政〔2026〕964号", "exec-jyj")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null);
    String task = scenario.task(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).getId();
    Http.Response refused = Http.webappSession(port, "jyj", "demo").postJson(WEBAPP + "/task/" + task + "/submit-form",
        Map.of("variables", Map.of()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).startsWith("请").contains("实施情况材料").doesNotContain("Cannot", task);
  }

  /** The finding: each refused execute lowered the retries, and at 0 the Art. 19 timer became an incident. */
  @Test
  void aRefusedJobExecutionLeavesTheJobExactlyAsItWas() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    Job before = job(f);
    String state = EngineState.of(engine, f.processInstanceId());
    for (String user : List.of("jyj", "ducha", "sifa", "fgw")) {
      for (int attempt = 0; attempt < 4; attempt++) {
        Http.Response refused = Http.basic(port, user, "demo").postJson(ENGINE_REST + "/job/" + f.jobId() + "/execute", "");
        assertThat(refused.status()).as(user).isIn(403, 404);
        Refusals.assertChineseRefusal(user + " job execute", refused);
      }
      Http.Response viaCockpit = Http.webappSession(port, user, "demo").postJson(WEBAPP + "/job/" + f.jobId() + "/execute", "");
      assertThat(viaCockpit.status()).as(user + " webapp").isIn(403, 404);
    }
    Job after = job(f);
    assertThat(after.getRetries()).isEqualTo(before.getRetries()).isEqualTo(3);
    assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(EngineState.of(engine, f.processInstanceId())).isEqualTo(state);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(f.processInstanceId())
        .incidentType("failedJob").count()).isZero();

    // The same call by someone who may: the timer fires.
    assertThat(Http.basic(port, "demo", "demo").postJson(ENGINE_REST + "/job/" + f.jobId() + "/execute", "").status())
        .isEqualTo(204);
    assertThat(engine.getManagementService().createJobQuery().jobId(f.jobId()).count()).isZero();
  }

  @Test
  void refusedJobIncidentAndExternalTaskCallsChangeNothing() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    f.lockExternalTask(engine, "w1");
    String before = EngineState.of(engine, f.processInstanceId());
    Http ducha = Http.basic(port, "ducha", "demo");
    List<Http.Response> refused = List.of(
        ducha.putJson(ENGINE_REST + "/job/" + f.jobId() + "/retries", Map.of("retries", 0)),
        ducha.putJson(ENGINE_REST + "/job/" + f.jobId() + "/duedate", Map.of("duedate", "2020-01-01T00:00:00.000+0000")),
        ducha.postJson(ENGINE_REST + "/job/" + f.jobId() + "/duedate/recalculate", ""),
        ducha.putJson(ENGINE_REST + "/job/" + f.jobId() + "/suspended", Map.of("suspended", true)),
        ducha.putJson(ENGINE_REST + "/job/" + f.jobId() + "/priority", Map.of("priority", 5)),
        ducha.postJson(ENGINE_REST + "/job/retries", Map.of("jobIds", List.of(f.jobId()), "retries", 0)),
        ducha.putJson(ENGINE_REST + "/job-definition/" + f.jobDefinitionId() + "/retries", Map.of("retries", 0)),
        ducha.putJson(ENGINE_REST + "/job-definition/" + f.jobDefinitionId() + "/suspended",
            Map.of("suspended", true, "includeJobs", true)),
        ducha.putJson(ENGINE_REST + "/incident/" + f.incidentId() + "/annotation", Map.of("annotation", "x")),
        ducha.delete(ENGINE_REST + "/incident/" + f.incidentId() + "/annotation"),
        ducha.delete(ENGINE_REST + "/incident/" + f.incidentId()),
        ducha.postJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/complete", Map.of("workerId", "w1")),
        ducha.postJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/failure",
            Map.of("workerId", "w1", "errorMessage", "x", "retries", 0, "retryTimeout", 0)),
        ducha.postJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/bpmnError",
            Map.of("workerId", "w1", "errorCode", "E")),
        ducha.postJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/extendLock",
            Map.of("workerId", "w1", "newDuration", 1)),
        ducha.postJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/unlock", ""),
        ducha.postJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/lock",
            Map.of("workerId", "w2", "lockDuration", 1000)),
        ducha.putJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/retries", Map.of("retries", 0)),
        ducha.putJson(ENGINE_REST + "/external-task/" + f.externalTaskId() + "/priority", Map.of("priority", 9)),
        ducha.putJson(ENGINE_REST + "/external-task/retries",
            Map.of("externalTaskIds", List.of(f.externalTaskId()), "retries", 0)));
    for (Http.Response r : refused) {
      Refusals.assertChineseRefusal(r.raw().request().method() + " " + r.raw().uri().getPath(), r);
    }
    assertThat(EngineState.of(engine, f.processInstanceId())).isEqualTo(before);
  }

  @Test
  void fetchAndLockLocksNothingTheCallerMayNotUpdate() {
    WriteFixture f = WriteFixture.start(engine, "exec-fgw");
    String before = EngineState.of(engine, f.processInstanceId());
    Map<String, Object> lock = Map.of("workerId", "w2", "maxTasks", 100, "topics",
        List.of(Map.of("topicName", WriteFixture.TOPIC, "lockDuration", 60_000, "variables", List.of("note"))));
    for (String user : List.of("ducha", "sifa", "zhengfu", "fgw", "jyj")) {
      Http.Response fetched = Http.basic(port, user, "demo").postJson(ENGINE_REST + "/external-task/fetchAndLock", lock);
      assertThat(fetched.status()).as(user).isEqualTo(200);
      assertThat(fetched.json()).as(user).isEmpty();
    }
    assertThat(EngineState.of(engine, f.processInstanceId())).isEqualTo(before);
    Http.Response admin = Http.basic(port, "demo", "demo").postJson(ENGINE_REST + "/external-task/fetchAndLock", lock);
    assertThat(admin.json().findValuesAsText("id")).contains(f.externalTaskId());
  }

  private Job job(WriteFixture f) {
    return engine.getManagementService().createJobQuery().jobId(f.jobId()).singleResult();
  }
}
