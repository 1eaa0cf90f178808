package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The start list reads clearly, every evaluation is requested and started by tracking, and the
 * request form's decision picker works against the registry API, as Tasklist uses it (webapp session).
 */
@IntegrationTest
class EvaluationRequestIT {

  static final String REQUEST_NAME = "申请启动跟踪反馈与后评估（第八条、第十八条）";
  static final String REGISTRATION_NAME = "重大行政决策登记与跟踪";
  static final String START_FORM = "/camunda/api/engine/engine/default/process-definition/key/evaluation-request/submit-form";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }

  /** Digits only: the numbers show up in other tests' decision lists, which look for English words. */
  static String number() {
    return DecisionNumbers.unique();
  }

  /** 登记重大行政决策 as the authority does in Tasklist; returns the tracking instance id. */
  private String register(String number, String title, String category, String start, String unit) {
    Http.Response registered = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars("decisionNumber", number, "decisionTitle", title, "decisionCategory", category, "broadImpact", false,
            "implementationStart", start, "implementationEnd", "", "executingUnit", unit, "superiorMandated", false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    return registered.json().get("id").asText();
  }

  private JsonNode evaluationsUnder(String trackingId) {
    return as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation&superProcessInstance="
        + trackingId).json();
  }

  /** One field of each listed decision (not of the nested requests and evaluations). */
  private static List<String> field(JsonNode decisions, String name) {
    List<String> values = new java.util.ArrayList<>();
    decisions.forEach(d -> values.add(d.path(name).asText()));
    return values;
  }

  private List<String> startList(String user) {
    return as(user).get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true").json().findValuesAsText("name");
  }

  @Test
  void theStartListNamesSayWhoStartsWhatAndNoOneStartsAnEvaluationPastTracking() {
    assertThat(startList("jyj")).containsExactly(REQUEST_NAME);
    assertThat(startList("zhengfu")).containsExactlyInAnyOrder(REQUEST_NAME, REGISTRATION_NAME);
    assertThat(startList("sifa")).containsExactlyInAnyOrder(REQUEST_NAME, REGISTRATION_NAME, "评估机构登记与变更");
    assertThat(startList("ducha")).isEmpty();
    // The admin sees every startable definition: the evaluation and the Art. 27 reminder are not among them.
    assertThat(startList("demo")).doesNotContain("跟踪反馈与后评估", "《办法》到期评估修订");

    JsonNode startForm = as("jyj").get("/engine-rest/process-definition/key/evaluation-request/startForm").json();
    assertThat(startForm.get("key").asText()).isEqualTo("embedded:/forms/request-evaluation.html");
    Http.Response html = Http.webappSession(port, "jyj", "demo").get("/forms/request-evaluation.html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("cam-variable-name=\"decisionNumber\"", "/api/decisions")
        .doesNotContain("evaluationTrigger", "决策表", "DMN");
  }

  /** What the picker does in Tasklist: list the unit's decisions from the registry, then submit the picked number. */
  @Covers({"第八条", "条例第三十五条"})
  @Test
  void anExecutingUnitPicksItsDecisionFromTheRegistryAndTrackingStartsTheEvaluation() {
    String own = number();
    String others = number();
    String trackingId = register(own, "济源市中小学生近视防控工作实施方案", "OTHER", "2026-03-01", "exec-jyj");
    register(others, "济源市重点产业链培育方案", "OTHER", "2026-03-01", "exec-fgw");

    Http jyj = Http.webappSession(port, "jyj", "demo");
    // The picker sends q and size; the list it gets is a JSON array whether or not the server applies them.
    Http.Response listed = jyj.get("/api/decisions?size=500&q=" + Http.encode("近视防控"));
    assertThat(listed.status()).isEqualTo(200);
    JsonNode decisions = listed.json();
    assertThat(decisions.isArray()).isTrue();
    assertThat(field(decisions, "decisionNumber")).contains(own).doesNotContain(others);
    assertThat(field(jyj.get("/api/decisions?size=500").json(), "executingUnit")).containsOnly("exec-jyj");
    JsonNode picked = null;
    for (JsonNode d : decisions) {
      if (d.get("title").asText().equals("济源市中小学生近视防控工作实施方案")) {
        picked = d;
      }
    }
    assertThat(picked).isNotNull();
    assertThat(picked.get("status").asText()).isEqualTo("TRACKING");

    Http.Response submitted = jyj.postJson(START_FORM, vars("decisionNumber", picked.get("decisionNumber").asText(),
        "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "近视率下降未达到年度目标，申请评估"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    Jobs.drain(engine, own);

    JsonNode evaluation = evaluationsUnder(trackingId);
    assertThat(evaluation).hasSize(1);
    assertThat(evaluation.get(0).get("businessKey").asText()).isEqualTo(own);
    String pid = evaluation.get(0).get("id").asText();
    assertThat(as("sifa").get("/engine-rest/process-instance/" + pid + "/variables/legalBasis").json().get("value").asText())
        .isEqualTo("第八条第（四）项");
    assertThat(as("sifa").get("/engine-rest/process-instance/" + pid + "/variables/evaluationType").json().get("value").asText())
        .isEqualTo("TRIGGERED");
    JsonNode registry = jyj.get("/api/decisions/" + Http.encode(own)).json();
    assertThat(registry.get("status").asText()).isEqualTo("EVALUATING");
    assertThat(registry.get("requests").findValuesAsText("handling")).containsExactly("STARTED");
    assertThat(registry.get("requests").findValuesAsText("requestedBy")).containsExactly("jyj");

    // A number typed past the picker is still checked on the server: another unit's, and an unknown one.
    Http.Response otherUnit = jyj.postJson(START_FORM, vars("decisionNumber", others,
        "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "申请"));
    assertThat(otherUnit.status()).isEqualTo(400);
    assertThat(otherUnit.json().get("message").asText()).contains("本单位");
    Http.Response unknown = jyj.postJson(START_FORM, vars("decisionNumber", "济政〔1900〕1号",
        "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "申请"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("未找到", "正在跟踪");
  }

  /** The authority who wants an evaluation asks for it under Art. 8(5); it is accepted and tracking starts it. */
  @Test
  void theAuthorityRequestsAnEvaluationItDeemsNecessary() {
    String number = number();
    String trackingId = register(number, "济源市农村生活污水治理实施方案", "OTHER", "2026-01-01", "exec-zjj");
    Http.Response submitted = as("zhengfu").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars("decisionNumber", number, "requestReason", "AUTHORITY_DEEMS_NECESSARY", "requestDescription", "社会关注度高"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    Jobs.drain(engine, number);
    JsonNode evaluation = evaluationsUnder(trackingId);
    assertThat(evaluation).hasSize(1);
    String pid = evaluation.get(0).get("id").asText();
    assertThat(as("sifa").get("/engine-rest/process-instance/" + pid + "/variables/legalBasis").json().get("value").asText())
        .isEqualTo("第八条第（五）项");
    assertThat(as("sifa").get("/engine-rest/task?processInstanceId=" + pid).json().findValuesAsText("taskDefinitionKey"))
        .containsExactly(TaskKeys.DETERMINE_METHOD);
  }

  /**
   * Scheduled evaluations start from a timer job, which runs with no user: no staff grant is needed. The job is
   * run here as the job executor runs it (no authentication) before it is due, so that the executors of other
   * test contexts on the same database cannot race for it.
   */
  @Test
  void aScheduledEvaluationStartsFromItsTimerJob() {
    String number = number();
    // A reform started 11 months ago: its execution evaluation (Art. 19 ¶1) is due next month.
    String start = cn.jiyuan.decisionreview.shared.BeijingClock.INSTANCE.today().minusMonths(11).toString();
    String trackingId = register(number, "济源市工程建设项目审批制度改革方案", "REFORM", start, "exec-zjj");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(trackingId).timers().singleResult();
    assertThat(timer.getDuedate()).isInTheFuture();
    assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
    Jobs.run(engine, timer.getId());
    Jobs.drain(engine, number);

    JsonNode evaluation = evaluationsUnder(trackingId);
    assertThat(evaluation).hasSize(1);
    assertThat(as("sifa").get("/engine-rest/process-instance/" + evaluation.get(0).get("id").asText()
        + "/variables/evaluationType").json().get("value").asText()).isEqualTo("EXECUTION");
  }

  /** The picker offers only decisions still tracked, because the intake refuses the others. */
  @Test
  void aDecisionWhoseTrackingEndedIsListedAsEndedAndRefused() {
    String number = number();
    String trackingId = register(number, "济源市共享单车管理办法", "OTHER", "2026-01-01", "exec-jyj");
    assertThat(as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars("decisionNumber", number, "requestReason", "EFFECT_NOT_ACHIEVED", "requestDescription", "投放失序")).status())
        .isEqualTo(200);
    Jobs.drain(engine, number);
    ProcessInstance evaluation = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(trackingId)
        .singleResult();
    EvaluationScenario.of(engine, evaluation).simplifiedUntilResolved("TERMINATE", "exec-jyj");
    Jobs.drain(engine, number);

    JsonNode ended = as("jyj").get("/api/decisions/" + Http.encode(number)).json();
    assertThat(ended.get("status").asText()).isEqualTo("TERMINATED");
    Http.Response refused = Http.webappSession(port, "jyj", "demo").postJson(START_FORM, vars("decisionNumber", number,
        "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "申请"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("正在跟踪");
  }
}
