package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed input across {@code /engine-rest}, {@code /camunda/api/engine}, {@code /api/**} and the
 * forms' REST paths. Every case must be answered with a 4xx, a Chinese message, no class names or stack traces,
 * and must leave the engine's state and the stored materials exactly as they were.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  enum Api { ENGINE, WEBAPP, PROJECT }

  /** One malformed request. {@code user} null means the administrator (so that only the input is at fault). */
  record Case(String name, Api api, String user, String method, String path, String contentType, String body) {}

  static final String JSON = "application/json";
  static final String JAVA_SERIALIZED = "{\"type\":\"Object\",\"value\":\"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJ"
      + "AARzaXpleHAAAAAAdwQAAAAAeA==\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
      + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
  static final String GADGET = "{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":"
      + "\"com.sun.rowset.JdbcRowSetImpl\",\"serializationDataFormat\":\"application/json\"}}";
  static final String URL_OBJECT = "{\"type\":\"Object\",\"value\":\"\\\"http://example.org\\\"\",\"valueInfo\":"
      + "{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}";
  static final String DEEP_BODY = "{\"variables\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
  static final String DEEP_JSON_VALUE = "[".repeat(40) + "]".repeat(40);
  static final String BIG_NUMBER = "9".repeat(1000);
  static final String LONG_SEGMENT = "a".repeat(9000);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Map<String, Http> sessions = new LinkedHashMap<>();

  @BeforeAll
  void fixtures() {
    WriteFixture fixture = WriteFixture.start(engine, "exec-fgw");
    ids.put("{task}", fixture.taskId());
    ids.put("{pi}", fixture.processInstanceId());
    ids.put("{job}", fixture.jobId());
    ids.put("{incident}", fixture.incidentId());
    WriteFixture done = WriteFixture.start(engine, "exec-fgw");
    engine.getTaskService().complete(done.taskId());
    ids.put("{completedTask}", done.taskId());
    engine.getRuntimeService().deleteProcessInstance(done.processInstanceId(), "测试：已结束的流程");
    ids.put("{endedPi}", done.processInstanceId());
    EvaluationScenario materials = EvaluationScenario.start(engine, "济政〔2026〕962号", "exec-jyj")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null);
    ids.put("{materialsTask}", materials.task(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).getId());
    ids.put("{materialsPi}", materials.instance.getId());
    EvaluationScenario determine = EvaluationScenario.start(engine, "济政〔2026〕963号", "exec-zjj");
    ids.put("{determineTask}", determine.task(TaskKeys.DETERMINE_METHOD).getId());
    ids.put("{determinePi}", determine.instance.getId());
    Filter shared = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult();
    ids.put("{filter}", shared.getId());
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // --- engine REST: variable values ---
    String vars = "/task/{task}/variables";
    c.add(json("invalid Json variable", vars, mod("{\"type\":\"Json\",\"value\":\"{bad\"}")));
    c.add(json("Json variable with trailing text", vars, mod("{\"type\":\"Json\",\"value\":\"{\\\"a\\\":1} x\"}")));
    c.add(json("Json variable nested 40 levels", vars, mod("{\"type\":\"Json\",\"value\":\"" + DEEP_JSON_VALUE + "\"}")));
    c.add(json("Json variable with a 1,000-digit number", vars, mod("{\"type\":\"Json\",\"value\":\"[" + BIG_NUMBER + "]\"}")));
    c.add(json("Json variable with duplicate keys", vars, mod("{\"type\":\"Json\",\"value\":\"{\\\"a\\\":1,\\\"a\\\":2}\"}")));
    c.add(json("empty Json variable", vars, mod("{\"type\":\"Json\",\"value\":\"\"}")));
    c.add(json("Java-serialized Object variable", vars, mod(JAVA_SERIALIZED)));
    c.add(json("Object variable of a gadget class", vars, mod(GADGET)));
    c.add(json("Object variable of java.net.URL", vars, mod(URL_OBJECT)));
    c.add(json("File variable without file name", vars, mod("{\"type\":\"File\",\"value\":\"AAAA\",\"valueInfo\":{}}")));
    c.add(json("Integer variable 'abc'", vars, mod("{\"type\":\"Integer\",\"value\":\"abc\"}")));
    c.add(json("Integer variable out of range", vars, mod("{\"type\":\"Integer\",\"value\":99999999999}")));
    c.add(json("Long variable with 1,000 digits", vars, mod("{\"type\":\"Long\",\"value\":\"" + BIG_NUMBER + "\"}")));
    c.add(json("Short variable out of range", vars, mod("{\"type\":\"Short\",\"value\":99999}")));
    c.add(json("Double variable 'x'", vars, mod("{\"type\":\"Double\",\"value\":\"x\"}")));
    c.add(json("Date variable 'yesterday'", vars, mod("{\"type\":\"Date\",\"value\":\"yesterday\"}")));
    c.add(json("unknown variable type", vars, mod("{\"type\":\"Nonsense\",\"value\":\"1\"}")));
    c.add(json("modifications as an array", vars, "{\"modifications\":[1,2]}"));
    c.add(json("deletions as a string", vars, "{\"deletions\":\"note\"}"));
    c.add(json("variables body not JSON", vars, "{\"modifications\":"));
    c.add(json("variables body nested 1,200 levels", vars, "{\"modifications\":" + "[".repeat(1200) + "]".repeat(1200) + "}"));
    c.add(json("variables body with a 1,000-digit number", vars, "{\"modifications\":{\"n\":{\"value\":" + BIG_NUMBER + "}}}"));
    c.add(raw("variables as text/plain", Api.ENGINE, null, "POST", vars, "text/plain", "note=1"));
    c.add(raw("variables as XML", Api.ENGINE, null, "POST", vars, "application/xml", "<modifications/>"));
    c.add(json("local variable: invalid Json", "/task/{task}/localVariables/x", "{\"type\":\"Json\",\"value\":\"[1,\"}", "PUT"));
    c.add(json("local variable: Java-serialized", "/task/{task}/localVariables/x", JAVA_SERIALIZED, "PUT"));
    c.add(json("local variable: Boolean 'maybe'", "/task/{task}/localVariables/x", "{\"type\":\"Boolean\",\"value\":\"maybe\"}", "PUT"));
    c.add(json("instance variables: invalid Json", "/process-instance/{pi}/variables", mod("{\"type\":\"Json\",\"value\":\"{bad\"}")));
    c.add(json("instance variables: Java-serialized", "/process-instance/{pi}/variables", mod(JAVA_SERIALIZED)));
    c.add(json("instance variables: file without name", "/process-instance/{pi}/variables",
        mod("{\"type\":\"File\",\"value\":\"AAAA\"}")));
    // --- engine REST: tasks ---
    c.add(json("submit-form of a completed task", "/task/{completedTask}/submit-form", "{\"variables\":{}}"));
    c.add(json("complete a completed task", "/task/{completedTask}/complete", "{}"));
    c.add(json("submit-form of an unknown task", "/task/no-such-task/submit-form", "{\"variables\":{}}"));
    c.add(json("claim an unknown task", "/task/no-such-task/claim", "{\"userId\":\"demo\"}"));
    c.add(raw("delete a task of a running process", Api.ENGINE, null, "DELETE", "/task/{task}", null, null));
    c.add(raw("get an unknown task", Api.ENGINE, null, "GET", "/task/no-such-task", null, null));
    c.add(json("assignee as an object", "/task/{task}/assignee", "{\"userId\":{\"a\":1}}"));
    c.add(json("comment without a message", "/task/{task}/comment/create", "{\"message\":null}"));
    c.add(raw("comment as text/plain", Api.ENGINE, null, "POST", "/task/{task}/comment/create", "text/plain", "hallo"));
    c.add(json("submit-form with variables as a string", "/task/{task}/submit-form", "{\"variables\":\"x\"}"));
    c.add(json("submit-form nested 1,200 levels", "/task/{task}/submit-form", DEEP_BODY));
    c.add(json("submit-form with an invalid Json variable", "/task/{task}/submit-form",
        "{\"variables\":{\"note\":{\"type\":\"Json\",\"value\":\"{bad\"}}}"));
    c.add(json("submit-form with a Java-serialized variable", "/task/{task}/submit-form",
        "{\"variables\":{\"note\":" + JAVA_SERIALIZED + "}}"));
    c.add(json("complete with a file without name", "/task/{task}/complete",
        "{\"variables\":{\"f\":{\"type\":\"File\",\"value\":\"AAAA\"}}}"));
    c.add(json("identity link without user or group", "/task/{task}/identity-links", "{\"type\":\"candidate\"}"));
    // --- engine REST: process instances, messages, definitions ---
    c.add(raw("variables of an ended instance", Api.ENGINE, null, "GET", "/process-instance/{endedPi}/variables", null, null));
    c.add(raw("an ended instance", Api.ENGINE, null, "GET", "/process-instance/{endedPi}", null, null));
    c.add(json("modify variables of an ended instance", "/process-instance/{endedPi}/variables", mod("{\"value\":1}")));
    c.add(raw("delete an unknown instance", Api.ENGINE, null, "DELETE", "/process-instance/no-such-instance", null, null));
    c.add(json("suspended 'maybe'", "/process-instance/{pi}/suspended", "{\"suspended\":\"maybe\"}", "PUT"));
    c.add(json("modification of an unknown type", "/process-instance/{pi}/modification", "{\"instructions\":[{\"type\":\"nonsense\"}]}"));
    c.add(json("modification to an unknown activity", "/process-instance/{pi}/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"No_Such_Activity\"}]}"));
    c.add(json("trigger a message nobody waits for", "/execution/{pi}/messageSubscriptions/NoSuchMessage/trigger", "{}"));
    c.add(json("correlate an unknown message", "/message", "{\"messageName\":\"NoSuchMessage\"}"));
    c.add(json("correlate without a message name", "/message", "{}"));
    c.add(json("start an unknown process", "/process-definition/key/no-such-process/start", "{}"));
    c.add(json("start form nested 1,200 levels", "/process-definition/key/decision-tracking/submit-form", DEEP_BODY));
    c.add(json("start form with a Java-serialized variable", "/process-definition/key/decision-tracking/submit-form",
        "{\"variables\":{\"decisionTitle\":" + JAVA_SERIALIZED + "}}"));
    c.add(json("start form with an invalid Json variable", "/process-definition/key/decision-tracking/submit-form",
        "{\"variables\":{\"decisionTitle\":{\"type\":\"Json\",\"value\":\"{bad\"}}}"));
    c.add(json("start with variables as a string", "/process-definition/key/decision-tracking/start", "{\"variables\":\"x\"}"));
    c.add(raw("form variables of an unknown process", Api.ENGINE, null, "GET", "/process-definition/key/no-such-process/form-variables",
        null, null));
    // --- engine REST: jobs, incidents, external tasks ---
    c.add(json("negative job retries", "/job/{job}/retries", "{\"retries\":-1}", "PUT"));
    c.add(json("job retries 'x'", "/job/{job}/retries", "{\"retries\":\"x\"}", "PUT"));
    c.add(json("job due date 'soon'", "/job/{job}/duedate", "{\"duedate\":\"soon\"}", "PUT"));
    c.add(json("execute an unknown job", "/job/no-such-job/execute", ""));
    c.add(json("job priority with 1,000 digits", "/job/{job}/priority", "{\"priority\":" + BIG_NUMBER + "}", "PUT"));
    c.add(json("annotate an unknown incident", "/incident/no-such-incident/annotation", "{\"annotation\":\"x\"}", "PUT"));
    c.add(json("complete an unknown external task", "/external-task/no-such-task/complete", "{\"workerId\":\"w\"}"));
    c.add(json("fetchAndLock without worker", "/external-task/fetchAndLock", "{\"maxTasks\":1}"));
    c.add(json("fetchAndLock with negative maxTasks", "/external-task/fetchAndLock",
        "{\"workerId\":\"w\",\"maxTasks\":-5,\"topics\":[{\"topicName\":\"x\",\"lockDuration\":1000}]}"));
    // --- engine REST: task queries and filters (inspected, failing closed) ---
    c.add(json("task query not JSON", "/task", "{ this is not json"));
    c.add(json("task query nested 1,200 levels", "/task", "{\"orQueries\":" + "[".repeat(1200) + "]".repeat(1200) + "}"));
    c.add(json("task query with a 1,000-digit number", "/task", "{\"maxPriority\":" + BIG_NUMBER + "}"));
    c.add(json("task query with an expression in orQueries", "/task", "{\"orQueries\":[{\"assigneeExpression\":\"${1}\"}]}"));
    c.add(json("task query with duplicate keys", "/task/count", "{\"orQueries\":[],\"orQueries\":[]}"));
    c.add(json("task query with trailing content", "/task", "{} {}"));
    c.add(json("task query due date 'garbage'", "/task", "{\"dueAfter\":\"garbage\"}"));
    c.add(raw("task query as text/plain", Api.ENGINE, null, "POST", "/task", "text/plain", "assignee=demo"));
    c.add(raw("task query parameter maxResults 'abc'", Api.ENGINE, null, "GET", "/task?maxResults=abc", null, null));
    c.add(raw("task query sorted by nonsense", Api.ENGINE, null, "GET", "/task?sortBy=foo&sortOrder=asc", null, null));
    c.add(raw("task query due date parameter 'garbage'", Api.ENGINE, null, "GET", "/task?dueAfter=garbage", null, null));
    c.add(json("filter create not JSON", "/filter/create", "{\"resourceType\":"));
    c.add(json("filter create with an expression in orQueries", "/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\"${1}\"}]}}"));
    c.add(json("update an unknown filter", "/filter/no-such-filter", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}", "PUT"));
    c.add(json("filter list body not JSON", "/filter/{filter}/list", "[1,"));
    c.add(raw("history query date 'garbage'", Api.ENGINE, null, "GET", "/history/process-instance?startedAfter=garbage", null, null));
    c.add(raw("instance query with a bad variable operator", Api.ENGINE, null, "GET", "/process-instance?variables=a_xx_b", null, null));
    // --- engine REST: paths and methods ---
    c.add(raw("unknown engine path", Api.ENGINE, null, "GET", "/no-such-resource", null, null));
    c.add(raw("wrong method", Api.ENGINE, null, "PUT", "/task", JSON, "{}"));
    c.add(raw("task as XML", Api.ENGINE, "accept-xml", "GET", "/task", null, null));
    c.add(raw("engine path with %00", Api.ENGINE, null, "GET", "/task/%00", null, null));
    c.add(raw("engine path with %2F", Api.ENGINE, null, "GET", "/task/a%2Fb", null, null));
    c.add(raw("very long engine path", Api.ENGINE, null, "GET", "/task/" + LONG_SEGMENT, null, null));
    c.add(json("task query above the inspection cap", "/task", "{\"name\":\"" + "x".repeat(RequestLimits.MAX_QUERY_BODY_BYTES) + "\"}"));
    c.add(raw("no credentials", Api.ENGINE, "anonymous", "GET", "/task", null, null));
    // --- Tasklist's own path: the forms ---
    String materials = "/task/{materialsTask}/submit-form";
    c.add(new Case("materials: file without name", Api.WEBAPP, "jyj", "POST", materials, JSON, materialsForm(
        "{\"type\":\"File\",\"value\":\"" + b64("%PDF-1.7 x") + "\",\"valueInfo\":{}}")));
    c.add(new Case("materials: an .exe", Api.WEBAPP, "jyj", "POST", materials, JSON, materialsForm(
        "{\"type\":\"File\",\"value\":\"" + b64("MZ executable") + "\",\"valueInfo\":{\"filename\":\"材料.exe\"}}")));
    c.add(new Case("materials: a PDF that is not one", Api.WEBAPP, "jyj", "POST", materials, JSON, materialsForm(
        "{\"type\":\"File\",\"value\":\"" + b64("MZ executable") + "\",\"valueInfo\":{\"filename\":\"材料.pdf\"}}")));
    c.add(new Case("materials: an empty file", Api.WEBAPP, "jyj", "POST", materials, JSON, materialsForm(
        "{\"type\":\"File\",\"value\":\"\",\"valueInfo\":{\"filename\":\"材料.pdf\"}}")));
    c.add(new Case("materials: nothing filled in", Api.WEBAPP, "jyj", "POST", materials, JSON, "{\"variables\":{}}"));
    c.add(new Case("materials: an invalid Json variable", Api.WEBAPP, "jyj", "POST", materials, JSON,
        "{\"variables\":{\"implementationData\":{\"type\":\"Json\",\"value\":\"{bad\"}}}"));
    c.add(new Case("materials: a Java-serialized variable", Api.WEBAPP, "jyj", "POST", materials, JSON,
        "{\"variables\":{\"implementationData\":" + JAVA_SERIALIZED + "}}"));
    c.add(new Case("materials: body nested 1,200 levels", Api.WEBAPP, "jyj", "POST", materials, JSON, DEEP_BODY));
    c.add(new Case("materials: body not JSON", Api.WEBAPP, "jyj", "POST", materials, JSON, "{\"variables\":{"));
    c.add(new Case("materials: as text/plain", Api.WEBAPP, "jyj", "POST", materials, "text/plain", "x"));
    c.add(new Case("Tasklist: submit-form of a completed task", Api.WEBAPP, "fgw", "POST", "/task/{completedTask}/submit-form",
        JSON, "{\"variables\":{}}"));
    c.add(new Case("Tasklist: an unknown task", Api.WEBAPP, "fgw", "GET", "/task/no-such-task", null, null));
    c.add(new Case("Tasklist: task query not JSON", Api.WEBAPP, "fgw", "POST", "/task", JSON, "{ not json"));
    c.add(new Case("Tasklist: task query as text/plain", Api.WEBAPP, "fgw", "POST", "/task", "text/plain", "x"));
    c.add(new Case("Tasklist: path with %00", Api.WEBAPP, "fgw", "GET", "/task/%00", null, null));
    String determine = "/task/{determineTask}/submit-form";
    c.add(new Case("确定评估方式: dimensionsInScope invalid Json", Api.WEBAPP, "sifa", "POST", determine, JSON,
        determineForm("{\"type\":\"Json\",\"value\":\"{bad\"}")));
    c.add(new Case("确定评估方式: dimensionsInScope an unterminated list", Api.WEBAPP, "sifa", "POST", determine, JSON,
        determineForm("{\"type\":\"String\",\"value\":\"[1,\"}")));
    c.add(new Case("确定评估方式: dimensionsInScope nested 40 levels", Api.WEBAPP, "sifa", "POST", determine, JSON,
        determineForm("{\"type\":\"Json\",\"value\":\"" + DEEP_JSON_VALUE + "\"}")));
    c.add(new Case("确定评估方式: nothing chosen", Api.ENGINE, "sifa", "POST", determine, JSON, "{\"variables\":{}}"));
    c.add(new Case("确定评估方式: an unknown evaluator type", Api.ENGINE, "sifa", "POST", determine, JSON,
        "{\"variables\":{\"evaluatorType\":{\"value\":\"HACKER\"},\"procedureType\":{\"value\":\"FULL\"},"
            + "\"evaluationScope\":{\"value\":\"WHOLE\"},\"undertakingUnit\":{\"value\":\"legal-affairs\"}}}"));
    // --- the project's API ---
    c.add(raw("api path with %00", Api.PROJECT, null, "GET", "/%00", null, null));
    c.add(raw("api path with %2F", Api.PROJECT, null, "GET", "/a%2Fb", null, null));
    c.add(raw("very long api path", Api.PROJECT, null, "GET", "/" + LONG_SEGMENT, null, null));
    c.add(raw("unknown api path", Api.PROJECT, null, "GET", "/no-such-endpoint", null, null));
    c.add(raw("api: wrong method", Api.PROJECT, null, "POST", "/decisions", JSON, "{}"));
    c.add(raw("api: me as XML", Api.PROJECT, "accept-xml", "GET", "/me", null, null));
    c.add(raw("api: working days from 'x'", Api.PROJECT, null, "GET", "/calendar/add-working-days?from=x&days=y", null, null));
    c.add(raw("api: working day without date", Api.PROJECT, null, "GET", "/calendar/working-day", null, null));
    c.add(raw("api: working day 2026-13-01", Api.PROJECT, null, "GET", "/calendar/working-day?date=2026-13-01", null, null));
    c.add(raw("api: unknown decision", Api.PROJECT, null, "GET", "/decisions/" + Http.encode("济政〔1900〕1号"), null, null));
    c.add(raw("api: report of an unknown evaluation", Api.PROJECT, null, "GET", "/evaluations/no-such/report", null, null));
    c.add(raw("api: retry an unknown notification", Api.PROJECT, null, "POST", "/notifications/no-such/retry", JSON, "{}"));
    c.add(raw("api: notifications of an unknown status", Api.PROJECT, null, "GET", "/notifications?status=NOPE", null, null));
    c.add(raw("api: me as text/plain POST", Api.PROJECT, null, "POST", "/me", "text/plain", "x"));
    c.add(raw("api: no credentials", Api.PROJECT, "anonymous", "GET", "/me", null, null));
    return c;
  }

  @Test
  void everyMalformedRequestGetsAChinese4xxAndChangesNothing() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      String before = state();
      Http.Response response = send(c);
      try {
        Refusals.assertChineseRefusal(c.name(), response);
        assertThat(state()).as(c.name() + ": partial write").isEqualTo(before);
      } catch (AssertionError e) {
        failures.add(c.name() + " → " + response.status() + " " + abbreviate(response.body()) + "\n   " + e.getMessage());
      }
    }
    assertThat(failures).as(failures.size() + " of " + cases.size() + " cases:\n" + String.join("\n", failures)).isEmpty();
  }

  private String state() {
    return EngineState.of(engine, ids.get("{pi}"), ids.get("{materialsPi}"), ids.get("{determinePi}"))
        + "\nmaterials " + jdbc.queryForObject("select count(*) from dr_evaluation_material", Long.class);
  }

  private Http.Response send(Case c) {
    String prefix = switch (c.api()) {
      case ENGINE -> "/engine-rest";
      case WEBAPP -> "/camunda/api/engine/engine/default";
      case PROJECT -> "/api";
    };
    String path = prefix + fill(c.path());
    Http http = http(c);
    HttpRequest.Builder builder = http.request(path);
    if ("accept-xml".equals(c.user())) {
      builder.setHeader("Accept", "application/xml");
    }
    if (c.contentType() != null) {
      builder.header("Content-Type", c.contentType());
    }
    if (http.csrfToken() != null) {
      builder.header("X-XSRF-TOKEN", http.csrfToken());
    }
    builder.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(fill(c.body()), StandardCharsets.UTF_8));
    return http.send(builder);
  }

  private Http http(Case c) {
    if ("anonymous".equals(c.user())) {
      return Http.anonymous(port);
    }
    String user = c.user() == null || c.user().equals("accept-xml") ? "demo" : c.user();
    if (c.api() == Api.WEBAPP) {
      return sessions.computeIfAbsent(user, u -> Http.webappSession(port, u, "demo"));
    }
    return Http.basic(port, user, "demo");
  }

  private String fill(String text) {
    String out = text;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static Case json(String name, String path, String body) {
    return json(name, path, body, "POST");
  }

  private static Case json(String name, String path, String body, String method) {
    return new Case(name, Api.ENGINE, null, method, path, JSON, body);
  }

  private static Case raw(String name, Api api, String user, String method, String path, String contentType, String body) {
    return new Case(name, api, user, method, path, contentType, body);
  }

  private static String mod(String value) {
    return "{\"modifications\":{\"note\":" + value + "}}";
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String materialsForm(String file) {
    return "{\"variables\":{\"materialFile1\":" + file + ",\"implementationData\":{\"value\":\"数据\"},"
        + "\"implementationProblems\":{\"value\":\"问题\"},\"implementationRisks\":{\"value\":\"风险\"},"
        + "\"implementationSuggestions\":{\"value\":\"建议\"}}}";
  }

  private static String determineForm(String dimensions) {
    return "{\"variables\":{\"evaluatorType\":{\"value\":\"SELF\"},\"procedureType\":{\"value\":\"FULL\"},"
        + "\"evaluationScope\":{\"value\":\"PARTIAL\"},\"undertakingUnit\":{\"value\":\"legal-affairs\"},"
        + "\"dimensionsInScope\":" + dimensions + "}}";
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
