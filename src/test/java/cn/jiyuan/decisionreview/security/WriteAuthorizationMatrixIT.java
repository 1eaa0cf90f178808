package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.ModelerDeploy;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each demo role × each write operation through {@code /engine-rest}. A cell either is
 * allowed by the README's role table (and then the call succeeds, which also proves the request itself is
 * well-formed) or it is refused with a Chinese 4xx — and then the engine's state is exactly what it was before
 * ({@link EngineState}). The fixture's task belongs to {@code exec-fgw}, so {@code fgw} is its candidate.
 */
@IntegrationTest
class WriteAuthorizationMatrixIT {

  static final List<String> USERS =
      List.of("demo", "sifa", "zhengfu", "ducha", "fgw", "jyj", "zjj", "jigou", "zhuanjia1", "zhuanjia2",
          "fenxi"); // the analyst deploys models (IdentityAndAuthorizationIT) and writes none of these
  static final String ADMIN = "demo";
  static final String CANDIDATE = "fgw";

  /** What an allowed call answers. START: authorized, but an empty start form is refused by its rules (400). */
  enum Allowed { SUCCESS, START }

  /** One write: how to send it, and who may. Placeholders are filled from the cell's fixture. */
  record Op(String name, String method, String path, String body, Set<String> allowed, Allowed how) {}

  static final Set<String> ADMIN_ONLY = Set.of(ADMIN);
  static final Set<String> PARTICIPANTS = Set.of(ADMIN, CANDIDATE);
  static final String LOCKED_BY = "it-worker";
  static final String DEPLOYMENT_NAME = "矩阵部署";

  static final List<Op> OPS = List.of(
      // the task of another unit (exec-fgw): only its candidate and the administrator work on it
      new Op("complete", "POST", "/task/{task}/complete", "{}", PARTICIPANTS, Allowed.SUCCESS),
      new Op("submit-form", "POST", "/task/{task}/submit-form", "{\"variables\":{}}", PARTICIPANTS, Allowed.SUCCESS),
      new Op("claim", "POST", "/task/{task}/claim", "{\"userId\":\"{user}\"}", PARTICIPANTS, Allowed.SUCCESS),
      new Op("assign", "POST", "/task/{task}/assignee", "{\"userId\":\"{user}\"}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("delegate", "POST", "/task/{task}/delegate", "{\"userId\":\"sifa\"}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("add candidate", "POST", "/task/{task}/identity-links", "{\"groupId\":\"exec-jyj\",\"type\":\"candidate\"}",
          ADMIN_ONLY, Allowed.SUCCESS),
      new Op("update task", "PUT", "/task/{task}", "{\"name\":\"改名\",\"priority\":99}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("comment", "POST", "/task/{task}/comment/create", "{\"message\":\"矩阵测试评论\"}", PARTICIPANTS, Allowed.SUCCESS),
      new Op("attachment", "MULTIPART", "/task/{task}/attachment/create", null, PARTICIPANTS, Allowed.SUCCESS),
      new Op("task variables", "POST", "/task/{task}/variables", "{\"modifications\":{\"note\":{\"value\":\"篡改\"}}}",
          ADMIN_ONLY, Allowed.SUCCESS),
      new Op("task local variable", "PUT", "/task/{task}/localVariables/note", "{\"value\":\"篡改\"}", ADMIN_ONLY,
          Allowed.SUCCESS),
      // the process instance
      new Op("instance variables", "POST", "/process-instance/{pi}/variables",
          "{\"modifications\":{\"note\":{\"value\":\"篡改\"}}}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("suspend instance", "PUT", "/process-instance/{pi}/suspended", "{\"suspended\":true}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("modify instance", "POST", "/process-instance/{pi}/modification",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + WriteFixture.UNIT_TASK + "\"}]}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("delete instance", "DELETE", "/process-instance/{pi}", null, ADMIN_ONLY, Allowed.SUCCESS),
      new Op("delete instances (batch)", "POST", "/process-instance/delete",
          "{\"processInstanceIds\":[\"{pi}\"],\"deleteReason\":\"矩阵\"}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("message", "POST", "/message", "{\"messageName\":\"" + WriteFixture.MESSAGE + "\",\"processInstanceId\":\"{pi}\"}",
          ADMIN_ONLY, Allowed.SUCCESS),
      new Op("message trigger", "POST", "/execution/{messageExecution}/messageSubscriptions/" + WriteFixture.MESSAGE + "/trigger",
          "{}", ADMIN_ONLY, Allowed.SUCCESS),
      // jobs (the Art. 19 timers are jobs like this one)
      new Op("job execute", "POST", "/job/{job}/execute", null, ADMIN_ONLY, Allowed.SUCCESS),
      new Op("job retries", "PUT", "/job/{job}/retries", "{\"retries\":0}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("job due date", "PUT", "/job/{job}/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}", ADMIN_ONLY,
          Allowed.SUCCESS),
      new Op("job suspend", "PUT", "/job/{job}/suspended", "{\"suspended\":true}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("job priority", "PUT", "/job/{job}/priority", "{\"priority\":99}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("job delete", "DELETE", "/job/{job}", null, ADMIN_ONLY, Allowed.SUCCESS),
      new Op("jobs suspend by instance", "PUT", "/job/suspended", "{\"processInstanceId\":\"{pi}\",\"suspended\":true}",
          ADMIN_ONLY, Allowed.SUCCESS),
      new Op("job definition suspend", "PUT", "/job-definition/{jobDefinition}/suspended",
          "{\"suspended\":true,\"includeJobs\":true}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("job definition retries", "PUT", "/job-definition/{jobDefinition}/retries", "{\"retries\":0}", ADMIN_ONLY,
          Allowed.SUCCESS),
      new Op("job definition priority", "PUT", "/job-definition/{jobDefinition}/jobPriority", "{\"priority\":99}",
          ADMIN_ONLY, Allowed.SUCCESS),
      // incidents
      new Op("incident annotation", "PUT", "/incident/{incident}/annotation", "{\"annotation\":\"篡改\"}", ADMIN_ONLY,
          Allowed.SUCCESS),
      new Op("incident resolve", "DELETE", "/incident/{incident}", null, ADMIN_ONLY, Allowed.SUCCESS),
      // external tasks, locked by LOCKED_BY so that only the authorization stands in the way
      new Op("external complete", "POST", "/external-task/{external}/complete", "{\"workerId\":\"" + LOCKED_BY + "\"}",
          ADMIN_ONLY, Allowed.SUCCESS),
      new Op("external failure", "POST", "/external-task/{external}/failure",
          "{\"workerId\":\"" + LOCKED_BY + "\",\"errorMessage\":\"失败\",\"retries\":0,\"retryTimeout\":0}", ADMIN_ONLY,
          Allowed.SUCCESS),
      new Op("external extend lock", "POST", "/external-task/{external}/extendLock",
          "{\"workerId\":\"" + LOCKED_BY + "\",\"newDuration\":600000}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("external unlock", "POST", "/external-task/{external}/unlock", null, ADMIN_ONLY, Allowed.SUCCESS),
      new Op("external retries", "PUT", "/external-task/{external}/retries", "{\"retries\":0}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("external priority", "PUT", "/external-task/{external}/priority", "{\"priority\":99}", ADMIN_ONLY,
          Allowed.SUCCESS),
      // starting processes (README: who starts what)
      new Op("start decision-tracking", "POST", "/process-definition/key/decision-tracking/submit-form",
          "{\"variables\":{}}", Set.of(ADMIN, "sifa", "zhengfu"), Allowed.START),
      new Op("start post-evaluation", "POST", "/process-definition/key/post-evaluation/submit-form",
          "{\"variables\":{}}", Set.of(ADMIN), Allowed.START), // called by tracking or a request, never by staff
      new Op("start evaluation-request", "POST", "/process-definition/key/evaluation-request/submit-form",
          "{\"variables\":{}}", Set.of(ADMIN, "sifa", "zhengfu", "fgw", "jyj", "zjj"), Allowed.START),
      new Op("start agency-registration", "POST", "/process-definition/key/agency-registration/submit-form",
          "{\"variables\":{}}", Set.of(ADMIN, "sifa"), Allowed.START),
      new Op("start a process nobody may start", "POST", "/process-definition/key/" + WriteFixture.PROCESS + "/start",
          "{\"variables\":{}}", ADMIN_ONLY, Allowed.START), // no start form, so no variables: the missing unit is a Chinese 400
      // models: Modeler's deploy call, a minimal process of its own per cell (README: the analyst deploys)
      new Op("deployment create", "DEPLOY", "/deployment/create", null, Set.of(ADMIN, "fenxi"), Allowed.SUCCESS),
      // filters, identities, authorizations
      new Op("filter create", "POST", "/filter/create",
          "{\"resourceType\":\"Task\",\"name\":\"矩阵过滤器\",\"owner\":\"{user}\",\"query\":{}}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("filter update", "PUT", "/filter/{filter}",
          "{\"resourceType\":\"Task\",\"name\":\"已篡改\",\"query\":{}}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("filter delete", "DELETE", "/filter/{filter}", null, ADMIN_ONLY, Allowed.SUCCESS),
      new Op("user create", "POST", "/user/create",
          "{\"profile\":{\"id\":\"{newUser}\",\"firstName\":\"矩\",\"lastName\":\"阵\",\"email\":\"m@x.cn\"},"
              + "\"credentials\":{\"password\":\"Matrix-12345\"}}", ADMIN_ONLY, Allowed.SUCCESS),
      new Op("group membership", "PUT", "/group/exec-fgw/members/{newUser}", null, ADMIN_ONLY, Allowed.SUCCESS),
      new Op("authorization create", "POST", "/authorization/create",
          "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{user}\",\"resourceType\":8,\"resourceId\":\"*\"}",
          ADMIN_ONLY, Allowed.SUCCESS));

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final List<String> createdUsers = new ArrayList<>();
  private final List<String> createdFilters = new ArrayList<>();

  @Test
  void everyRoleWritesOnlyWhatTheRoleTableAllowsAndARefusalChangesNothing() {
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (Op op : OPS) {
      Cell shared = null; // refused users share one fixture per operation: it must stay unchanged anyway
      for (String user : USERS) {
        boolean allowed = op.allowed().contains(user);
        Cell cell = allowed || shared == null ? newCell(op) : shared;
        if (!allowed) {
          shared = cell;
        }
        String before = EngineState.of(engine, cell.fixture().processInstanceId());
        Http.Response response = send(Http.basic(port, user, "demo"), op, cell, user);
        String after = EngineState.of(engine, cell.fixture().processInstanceId());
        String where = op.name() + " by " + user + " → " + response.status() + " " + response.body();
        try {
          if (!allowed) {
            refused++;
            Refusals.assertChineseRefusal(where, response);
            assertThat(after).as(where + ": state changed").isEqualTo(before);
          } else if (op.how() == Allowed.START) {
            assertThat(response.status()).as(where).isNotEqualTo(403);
            if (response.status() >= 400) {
              Refusals.assertChineseRefusal(where, response);
              assertThat(after).as(where + ": a refused start left something").isEqualTo(before);
            }
          } else {
            assertThat(response.status()).as(where).isBetween(200, 299);
            if (op.name().contains("batch")) {
              awaitBatches(); // the batch the administrator started must not finish during a later refused cell
            }
          }
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    assertThat(refused).as("refused cells").isGreaterThan(OPS.size() * 6);
  }

  private void awaitBatches() {
    long deadline = System.currentTimeMillis() + 30_000;
    while (engine.getManagementService().createBatchQuery().count() > 0 && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The fixture of one cell: a fresh process instance, its external task locked, and a filter and user name of its own. */
  record Cell(WriteFixture fixture, String filterId, String newUser) {}

  private Cell newCell(Op op) {
    WriteFixture fixture = WriteFixture.start(engine, "exec-fgw");
    fixture.lockExternalTask(engine, LOCKED_BY);
    Filter filter = engine.getFilterService().newTaskFilter("矩阵测试过滤器 " + op.name());
    filter.setQuery(engine.getTaskService().createTaskQuery().taskName("不存在"));
    engine.getFilterService().saveFilter(filter);
    createdFilters.add(filter.getId());
    String newUser = "mx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    createdUsers.add(newUser);
    if (op.name().equals("group membership")) {
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser(newUser));
    }
    return new Cell(fixture, filter.getId(), newUser);
  }

  private Http.Response send(Http http, Op op, Cell cell, String user) {
    String path = "/engine-rest" + fill(op.path(), cell, user);
    if (op.method().equals("DEPLOY")) {
      String key = "matrix-" + cell.newUser();
      String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
          .createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().endEvent().done());
      return ModelerDeploy.deploy(http, path, DEPLOYMENT_NAME, Map.of(key + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
    }
    if (op.method().equals("MULTIPART")) {
      String boundary = "----matrix" + UUID.randomUUID().toString().replace("-", "");
      String body = part(boundary, "attachment-name", "矩阵附件") + part(boundary, "attachment-type", "text")
          + part(boundary, "url", "https://www.jiyuan.gov.cn/") + "--" + boundary + "--\r\n";
      return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
    HttpRequest.BodyPublisher body = op.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(fill(op.body(), cell, user), StandardCharsets.UTF_8);
    return http.send(http.request(path).header("Content-Type", "application/json").method(op.method(), body));
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  private static String fill(String template, Cell cell, String user) {
    Map<String, String> values = new LinkedHashMap<>();
    WriteFixture f = cell.fixture();
    values.put("{task}", f.taskId());
    values.put("{pi}", f.processInstanceId());
    values.put("{job}", f.jobId());
    values.put("{jobDefinition}", f.jobDefinitionId());
    values.put("{external}", f.externalTaskId());
    values.put("{incident}", f.incidentId());
    values.put("{messageExecution}", f.messageExecutionId());
    values.put("{filter}", cell.filterId());
    values.put("{newUser}", cell.newUser());
    values.put("{user}", user);
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  @AfterEach
  void cleanUp() {
    createdUsers.forEach(u -> engine.getIdentityService().deleteUser(u));
    engine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    createdFilters.forEach(id -> {
      if (engine.getFilterService().getFilter(id) != null) {
        engine.getFilterService().deleteFilter(id);
      }
    });
    engine.getFilterService().createFilterQuery().filterName("矩阵过滤器").list()
        .forEach(f -> engine.getFilterService().deleteFilter(f.getId()));
    engine.getAuthorizationService().createAuthorizationQuery().userIdIn(ADMIN).list().stream()
        .filter(a -> a.getResourceType() == 8)
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(WriteFixture.PROCESS).list()
        .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "测试结束"));
  }
}
