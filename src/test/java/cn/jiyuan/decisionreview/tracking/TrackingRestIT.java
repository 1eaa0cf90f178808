package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 4 items 1, 3, 7 through /engine-rest and /api as the demo users. */
@IntegrationTest
class TrackingRestIT {

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

  private Http.Response register(String user, String number, String category, String start, String end) {
    return as(user).postJson("/engine-rest/process-definition/key/decision-tracking/submit-form", vars(
        "decisionNumber", number, "decisionTitle", "济源市数字政府建设实施方案", "decisionCategory", category,
        "broadImpact", true, "implementationStart", start, "implementationEnd", end == null ? "" : end,
        "executingUnit", "exec-fgw", "superiorMandated", false));
  }

  @Test
  void registerSeeTheScheduleAndRequestAnEvaluation() {
    String number = DecisionNumbers.unique();
    Http.Response registered = register("zhengfu", number, "POLICY", "2026-07-01", "2032-06-30");
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(registered.json().get("businessKey").asText()).isEqualTo(number);

    Http.Response duplicate = as("sifa").postJson("/engine-rest/process-definition/key/decision-tracking/start", vars(
        "decisionNumber", number, "decisionTitle", "重复", "decisionCategory", "POLICY", "implementationStart", "2026-07-01",
        "executingUnit", "exec-fgw"));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().get("message").asText()).contains("已在跟踪中");
    assertThat(register("sifa", "济政〔2026〕x1号", "POLICY", "2026-07-01", "2026-01-01").json().get("message").asText())
        .contains("不能早于开始日期");
    assertThat(register("fgw", "济政〔2026〕x2号", "POLICY", "2026-07-01", null).status()).isIn(400, 403, 404, 500);

    JsonNode decision = as("zhengfu").get("/api/decisions/" + Http.encode(number)).json();
    assertThat(decision.get("status").asText()).isEqualTo("TRACKING");
    assertThat(decision.get("category").asText()).isEqualTo("POLICY");
    assertThat(decision.get("nextScheduledEvaluation").get("evaluationType").asText()).isEqualTo("EXECUTION");
    assertThat(decision.get("nextScheduledEvaluation").get("dueDate").asText()).isEqualTo("2027-07-01");
    assertThat(decision.get("scheduledEvaluations")).hasSize(3);

    // An executing unit sees only its own decisions.
    assertThat(as("fgw").get("/api/decisions/" + Http.encode(number)).status()).isEqualTo(200);
    assertThat(as("jyj").get("/api/decisions/" + Http.encode(number)).status()).isEqualTo(403);
    assertThat(as("jyj").get("/api/decisions").json().findValuesAsText("decisionNumber")).doesNotContain(number);
    assertThat(as("ducha").get("/api/decisions").json().findValuesAsText("decisionNumber")).contains(number);
    assertThat(as("sifa").get("/api/decisions/" + Http.encode("济政〔1900〕1号")).status()).isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/decisions").status()).isEqualTo(401);

    // Requests: refused with the reason, refused for another unit, accepted and started.
    Http.Response few = as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form", vars(
        "decisionNumber", number, "requestReason", "PUBLIC_OPINIONS", "publicOpinionCount", 3, "requestDescription", "网民留言"));
    assertThat(few.status()).isEqualTo(200);
    JsonNode refusal = as("sifa").get("/engine-rest/task?processInstanceId=" + few.json().get("id").asText()).json();
    assertThat(refusal).hasSize(1);
    assertThat(refusal.get(0).get("assignee").asText()).isEqualTo("sifa");
    assertThat(as("sifa").get("/engine-rest/task/" + refusal.get(0).get("id").asText() + "/form-variables").json()
        .get("requestRefusalText").get("value").asText()).contains("20 条");

    Http.Response otherUnit = as("jyj").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form", vars(
        "decisionNumber", number, "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "申请"));
    assertThat(otherUnit.status()).isEqualTo(400);
    assertThat(otherUnit.json().get("message").asText()).contains("本单位");
    Http.Response unknown = as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form", vars(
        "decisionNumber", "济政〔1900〕1号", "requestReason", "EFFECT_NOT_ACHIEVED", "requestDescription", "x"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("未找到");

    Http.Response accepted = as("fgw").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form", vars(
        "decisionNumber", number, "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "执行中发现目标设置偏高"));
    assertThat(accepted.status()).isEqualTo(200);
    // Delivery to tracking and the evaluation's start are jobs behind the requester's start.
    Jobs.drain(engine, number);
    JsonNode evaluating = as("fgw").get("/api/decisions/" + Http.encode(number)).json();
    assertThat(evaluating.get("status").asText()).isEqualTo("EVALUATING");
    assertThat(evaluating.get("requests").findValuesAsText("handling")).containsExactly("STARTED");
    JsonNode evaluation = as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation&businessKey="
        + Http.encode(number)).json();
    assertThat(evaluation).hasSize(1);
    assertThat(as("sifa").get("/engine-rest/process-instance/" + evaluation.get(0).get("id").asText() + "/variables/legalBasis")
        .json().get("value").asText()).isEqualTo("第八条第（四）项");
  }

  @Test
  void theDemoDecisionsAreRegisteredAndOneScheduledEvaluationIsRunning() {
    List<String> categories = as("sifa").get("/api/decisions").json().findValuesAsText("category");
    assertThat(categories).contains("REFORM", "POLICY", "PLAN", "OTHER");
    JsonNode afterSchool = as("sifa").get("/api/decisions/" + Http.encode("济政〔2025〕7号")).json();
    assertThat(afterSchool.get("status").asText()).isEqualTo("EVALUATING");
    assertThat(afterSchool.get("scheduledEvaluations").get(0).get("evaluationType").asText()).isEqualTo("EXECUTION");
    for (String user : List.of("sifa", "zhengfu", "fgw", "jyj")) {
      assertThat(as(user).get("/engine-rest/task").json()).as(user + " has work").isNotEmpty();
    }
    // the agency's questionnaire is with the public: citizens answer now; jigou records the channels once it closes
    JsonNode survey = Http.anonymous(port).get("/public/api/surveys/" + as("jigou").get("/api/evaluations/"
        + as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation&businessKey="
            + Http.encode("济政〔2025〕7号")).json().get(0).get("id").asText() + "/survey").json().get("surveyId").asText())
        .json();
    assertThat(survey.get("status").asText()).isEqualTo("OPEN");
  }
}
