package cn.jiyuan.decisionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationSubmissions;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Art. 24: one simplified evaluation carried to its end through /engine-rest by the demo users — a claim, a refused
 * submission, a comment, an administrator's assignment, an upload, a report returned and approved, a download, an
 * escalation — and its audit trail as JSON and workbook; who may read it; and that nothing in it can be changed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Covers({"第二十四条", "条例第三十九条"})
class AuditTrailIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private String pid;
  private String number;
  private JsonNode refusedStateBefore;
  private JsonNode refusedStateAfter;

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      vars.put((String) pairs[i], value instanceof Map<?, ?> typed ? typed : Map.of("value", value));
    }
    return Map.of("variables", vars);
  }

  /** A submission built by EvaluationSubmissions, as the REST body Tasklist would send. */
  private static Map<String, Object> rest(VariableMap submission) {
    Map<String, Object> vars = new LinkedHashMap<>();
    submission.forEach((k, v) -> vars.put(k, Map.of("value", v instanceof Enum<?> e ? e.name() : v)));
    return Map.of("variables", vars);
  }

  private String task(String user, String key) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(key + " visible to " + user).isNotEmpty();
    return tasks.get(0).get("id").asText();
  }

  private void submit(String user, String key, Map<String, Object> body) {
    Http.Response response = as(user).postJson("/engine-rest/task/" + task(user, key) + "/submit-form", body);
    assertThat(response.status()).as(user + " completes " + key + ": " + response.body()).isEqualTo(204);
    Jobs.drain(engine, pid);
  }

  /** What the engine holds of the evaluation: its open tasks and variables, and how many variable revisions. */
  private JsonNode engineState() {
    Http admin = as("demo");
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("tasks", admin.get("/engine-rest/task?processInstanceId=" + pid).json());
    state.put("variables", admin.get("/engine-rest/process-instance/" + pid + "/variables?deserializeValues=false").json());
    state.put("details", admin.get("/engine-rest/history/detail/count?processInstanceId=" + pid).json());
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(state);
  }

  @BeforeAll
  void anEvaluationCarriedToItsEnd() {
    number = DecisionNumbers.unique();
    Http.Response registered = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), "审计测试决策",
            TrackingVariables.DECISION_CATEGORY.name(), "OTHER", TrackingVariables.BROAD_IMPACT.name(), false,
            TrackingVariables.IMPLEMENTATION_START.name(), "2026-01-01", TrackingVariables.IMPLEMENTATION_END.name(), "",
            TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw", TrackingVariables.SUPERIOR_MANDATED.name(), false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    Http.Response requested = as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(),
            "AUTHORITY_DEEMS_NECESSARY", TrackingVariables.REQUEST_DESCRIPTION.name(), "需要评估"));
    assertThat(requested.status()).as(requested.body()).isEqualTo(200);
    Jobs.drain(engine, number);
    pid = as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation&superProcessInstance="
        + registered.json().get("id").asText()).json().get(0).get("id").asText();

    // sifa claims 确定评估方式, comments on it, and is refused once: a simplified procedure needs its reason
    String method = task("sifa", TaskKeys.DETERMINE_METHOD);
    assertThat(as("sifa").postJson("/engine-rest/task/" + method + "/claim", Map.of("userId", "sifa")).status()).isEqualTo(204);
    assertThat(as("sifa").postJson("/engine-rest/task/" + method + "/comment/create", Map.of("message", "请执行单位尽快提供材料"))
        .status()).isEqualTo(200);
    // a second comment its author deletes: the trail keeps the deletion
    String second = as("sifa").postJson("/engine-rest/task/" + method + "/comment/create", Map.of("message", "此条评论将被删除"))
        .json().get("id").asText();
    assertThat(as("sifa").delete("/engine-rest/task/" + method + "/comment/" + second).status()).isEqualTo(204);
    refusedStateBefore = engineState();
    Http.Response refused = as("sifa").postJson("/engine-rest/task/" + method + "/submit-form",
        vars(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF", EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED",
            EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs", EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("简易程序须书面说明理由");
    refusedStateAfter = engineState();

    submit("sifa", TaskKeys.DETERMINE_METHOD, vars(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF",
        EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED", EvaluationVariables.SIMPLIFIED_JUSTIFICATION.name(),
        "争议较小", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs",
        EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    submit("fgw", TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED, vars(
        EvaluationVariables.materialFile(1), Map.of("value", Base64.getEncoder().encodeToString(
            "%PDF-1.7 台账".getBytes(StandardCharsets.UTF_8)), "type", "File",
            "valueInfo", Map.of("filename", "改造台账.pdf", "mimetype", "application/pdf")),
        EvaluationVariables.IMPLEMENTATION_DATA.name(), "已完成 38 个小区", EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(),
        "资金拨付慢", EvaluationVariables.IMPLEMENTATION_RISKS.name(), "工期延误",
        EvaluationVariables.IMPLEMENTATION_SUGGESTIONS.name(), "建立资金直达机制"));
    // the administrator assigns the next task to sifa
    String consultations = task("sifa", TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED);
    assertThat(as("demo").postJson("/engine-rest/task/" + consultations + "/assignee", Map.of("userId", "sifa")).status())
        .isEqualTo(204);
    submit("sifa", TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, vars(EvaluationVariables.CONSULTATIONS.name(), Map.of("value",
        cn.jiyuan.decisionreview.shared.FormValues.toJson(List.of(Map.of("channel", "SYMPOSIUM", "date", "2026-09-01",
            "participants", 20, "opinionCount", 12, "summary", "居民座谈"))), "type", "Json")));
    Map<String, Object> analysis = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      analysis.put(d.scoreVariable(), Map.of("value", 80));
      analysis.put(d.findingsVariable(), Map.of("value", d.label() + "：基本达到"));
    }
    analysis.put(EvaluationVariables.IMPLEMENTATION_PERFORMANCE.name(), Map.of("value", "完成率 80%"));
    analysis.put(EvaluationVariables.INSTITUTIONAL_DESIGN.name(), Map.of("value", "制度基本健全"));
    analysis.put(EvaluationVariables.PRELIMINARY_CONCLUSION.name(), Map.of("value", "基本达到预期"));
    analysis.put(EvaluationVariables.RECOMMENDATIONS.name(), Map.of("value", "加快资金拨付"));
    submit("sifa", TaskKeys.ANALYSIS_SIMPLIFIED, Map.of("variables", analysis));
    submit("sifa", TaskKeys.REVIEW_DRAFT, vars(EvaluationVariables.DRAFT_CONFIRMED.name(), true));
    submit("sifa", TaskKeys.FINALIZE_REPORT, rest(EvaluationSubmissions.finalizeReport("定稿")));
    submit("zhengfu", TaskKeys.AUTHORITY_APPROVAL, rest(EvaluationSubmissions.returnReport("请补充资金数据")));
    submit("sifa", TaskKeys.FINALIZE_REPORT, rest(EvaluationSubmissions.finalizeReport("已补充资金数据")));
    submit("zhengfu", TaskKeys.AUTHORITY_APPROVAL, rest(EvaluationSubmissions.approveReport("CONTINUE", "成效明显，继续执行")));
    assertThat(as("ducha").get("/engine-rest/history/process-instance/" + pid).json().get("state").asText())
        .isEqualTo("COMPLETED");

    assertThat(as("sifa").get("/api/evaluations/" + pid + "/report").status()).isEqualTo(200);
    // and through Camunda's own file endpoint, as Cockpit does
    String reportVariable = as("demo").get("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=" + EvaluationVariables.EVALUATION_REPORT).json().get(0).get("id").asText();
    assertThat(as("demo").get("/engine-rest/history/variable-instance/" + reportVariable + "/data").status()).isEqualTo(200);
    // the deadline watch's 督办 record (filled by the watch; here one row as it writes it)
    String supplyTask = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pid)
        .taskDefinitionKey(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).singleResult().getId();
    jdbc.update("INSERT INTO dr_escalation (task_id, escalation_level, process_instance_id, decision_number, escalated_at, "
        + "working_days_overdue, recipients) VALUES (?, 1, ?, ?, ?, 2, ?)", supplyTask, pid, number,
        Timestamp.from(Instant.now()), "张伟、赵敏");
  }

  private List<JsonNode> trail(String user) {
    Http.Response response = as(user).get("/api/evaluations/" + pid + "/audit");
    assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    response.json().forEach(entries::add);
    return entries;
  }

  private static List<JsonNode> of(List<JsonNode> trail, String action, Predicate<JsonNode> also) {
    return trail.stream().filter(e -> e.get("action").asText().equals(action)).filter(also).toList();
  }

  private static Predicate<JsonNode> by(String userId) {
    return e -> userId.equals(e.path("userId").asText(null));
  }

  private static Predicate<JsonNode> details(String... parts) {
    return e -> {
      String text = e.path("details").asText("");
      for (String part : parts) {
        if (!text.contains(part)) {
          return false;
        }
      }
      return true;
    };
  }

  @Test
  void theTrailHoldsEveryKindOfEntryWithItsUserAndValues() throws Exception {
    List<JsonNode> trail = trail("ducha");
    // kept for a person to read
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "audit-trail.json"), trail.toString());
    assertThat(trail).allSatisfy(e -> assertThat(e.fieldNames()).toIterable()
        .contains("time", "userId", "userName", "action", "target", "details"));
    assertThat(trail).extracting(e -> e.get("time").asText()).isSorted();

    assertThat(of(trail, "EVALUATION_REQUESTED", by("sifa").and(details("第八条第（五）项", "需要评估"))))
        .as("the request that started the evaluation").hasSize(1);
    assertThat(of(trail, "PROCESS_STARTED", e -> true)).hasSize(1);
    assertThat(of(trail, "TASK_CREATED", details("“确定评估方式”生成", "候选办理人：用户组“市司法局”（legal-affairs）")))
        .hasSize(1);
    assertThat(of(trail, "TASK_CLAIMED", by("sifa").and(details("认领任务“确定评估方式”")))).singleElement()
        .satisfies(e -> assertThat(e.get("userName").asText()).isEqualTo("王明远"));
    assertThat(of(trail, "TASK_ASSIGNED", by("demo").and(details("指派给王明远"))))
        .as("the administrator's assignment").hasSize(1);
    assertThat(of(trail, "TASK_COMPLETED", by("sifa").and(e -> e.get("target").asText().equals("确定评估方式")))).hasSize(1);
    assertThat(of(trail, "TASK_COMPLETED", by("fgw"))).isNotEmpty();
    assertThat(of(trail, "TASK_COMPLETED", by("zhengfu"))).hasSize(2);
    assertThat(of(trail, "TASK_REFUSED", by("sifa").and(details("简易程序须书面说明理由", "流程未改变")))).hasSize(1);
    assertThat(of(trail, "COMMENT_ADDED", by("sifa").and(details("请执行单位尽快提供材料")))).hasSize(1);
    assertThat(of(trail, "COMMENT_DELETED", by("sifa").and(details("确定评估方式")))).hasSize(1);
    assertThat(of(trail, "VARIABLE_WRITTEN", details("数据项“", "”（evaluatorType）"))).as("the form's label").isNotEmpty();
    assertThat(of(trail, "VARIABLE_WRITTEN", by("sifa").and(details("evaluatorType", "由“（无）”改为“SELF”")))).hasSize(1);
    assertThat(of(trail, "VARIABLE_WRITTEN", by("zhengfu").and(details("reportDecision", "由“RETURN”改为“APPROVE”"))))
        .as("old and new value of a variable written twice").hasSize(1);
    assertThat(of(trail, "VARIABLE_WRITTEN", e -> e.path("userId").isNull())).as("the system's own steps").isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("userName").asText()).isEqualTo("系统"));
    assertThat(of(trail, "FILE_UPLOADED", by("fgw").and(details("改造台账.pdf")))).hasSize(1);
    assertThat(of(trail, "REPORT_GENERATED", details("第 1 版", "（初稿）.docx"))).hasSize(1);
    assertThat(of(trail, "FILE_UPLOADED", e -> e.path("target").asText("").isEmpty())).as("a cleared file is no upload")
        .isEmpty();
    assertThat(of(trail, "REPORT_REPLACED", e -> true)).as("final report and approval page replace the draft")
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(of(trail, "AUTHORITY_RESOLUTION", by("zhengfu").and(details("退回修改", "请补充资金数据")))).hasSize(1);
    assertThat(of(trail, "AUTHORITY_RESOLUTION", by("zhengfu").and(details("审定通过", "继续执行", "成效明显，继续执行"))))
        .hasSize(1);
    assertThat(of(trail, "ACCESS_GRANTED", details("市发展和改革委员会"))).isNotEmpty();
    assertThat(of(trail, "FILE_DOWNLOADED", by("sifa").and(details("下载评估报告")))).hasSize(1);
    assertThat(of(trail, "FILE_DOWNLOADED", by("demo").and(details("流程引擎接口", "evaluationReport", "报告.docx"))))
        .hasSize(1);
    assertThat(of(trail, "ESCALATED", details("提供实施情况材料", "第 1 次督办", "张伟、赵敏"))).hasSize(1);
    assertThat(of(trail, "PROCESS_ENDED", details("正常办结"))).hasSize(1);
    assertThat(trail).allSatisfy(e -> assertThat(e.path("details").asText()).doesNotContain("Exception", "null"));
  }

  @Test
  void aRefusedCompletionIsRecordedAndChangesNothingInTheProcess() {
    assertThat(refusedStateAfter).isEqualTo(refusedStateBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_audit_record WHERE process_instance_id = ? AND action = ?",
        Integer.class, pid, "TASK_REFUSED")).isEqualTo(1);
  }

  @Test
  void theWorkbookHoldsTheSameRowsAsTheJson() throws Exception {
    List<JsonNode> trail = trail("sifa");
    Http.Response xlsx = as("sifa").get("/api/evaluations/" + pid + "/audit.xlsx");
    assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
    assertThat(xlsx.header("Content-Type")).startsWith(AuditWorkbook.MIME_TYPE);
    assertThat(xlsx.header("Content-Disposition")).contains("filename*=UTF-8''");
    java.nio.file.Files.write(java.nio.file.Path.of("target", "audit-trail.xlsx"), xlsx.bytes());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(number, "审计记录", "共 " + trail.size() + " 条");
      Row header = sheet.getRow(1);
      List<String> headers = new ArrayList<>();
      header.forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers).isEqualTo(AuditWorkbook.HEADERS);
      assertThat(sheet.getLastRowNum()).isEqualTo(trail.size() + 1);
      for (int i = 0; i < trail.size(); i++) {
        JsonNode e = trail.get(i);
        Row row = sheet.getRow(i + 2);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(e.get("time").asText());
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo(e.get("userName").asText());
        assertThat(row.getCell(3).getStringCellValue()).isEqualTo(e.path("userId").asText(""));
        assertThat(row.getCell(4).getStringCellValue()).isEqualTo(e.get("actionLabel").asText());
        assertThat(row.getCell(5).getStringCellValue()).isEqualTo(e.get("action").asText());
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo(e.path("target").asText(""));
        assertThat(row.getCell(7).getStringCellValue()).isEqualTo(e.path("details").asText(""));
      }
      assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
      assertThat(sheet.getRepeatingRows()).isNotNull();
      assertThat(sheet.getFitToPage()).isTrue();
    }
  }

  @Test
  void onlyTheReadAllRolesAndTheAdministratorReadTheTrail() {
    for (String user : List.of("ducha", "sifa", "zhengfu", "demo")) {
      assertThat(as(user).get("/api/evaluations/" + pid + "/audit").status()).as(user).isEqualTo(200);
      assertThat(as(user).get("/api/evaluations/" + pid + "/audit.xlsx").status()).as(user).isEqualTo(200);
    }
    // participants (the executing unit), other units, experts, agencies and the analyst: 403 in Chinese
    for (String user : List.of("fgw", "jyj", "jigou", "zhuanjia1", "fenxi")) {
      for (String path : List.of("/audit", "/audit.xlsx")) {
        Http.Response refused = as(user).get("/api/evaluations/" + pid + path);
        assertThat(refused.status()).as(user + path).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("审计记录只供");
      }
    }
    assertThat(as("sifa").get("/api/evaluations/no-such-instance/audit").status()).isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/evaluations/" + pid + "/audit").status()).isEqualTo(401);
  }

  @Test
  void nothingInTheTrailCanBeChangedThroughAnyApi() {
    List<JsonNode> before = trail("demo");
    Long recordsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM dr_audit_record", Long.class);

    // the trail's own API has no writes
    for (String path : List.of("/api/evaluations/" + pid + "/audit", "/api/evaluations/" + pid + "/audit.xlsx")) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        Http admin = as("demo");
        Http.Response response = admin.send(admin.request(path).method(method,
            java.net.http.HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        assertThat(response.status()).as(method + " " + path).isEqualTo(405);
        assertThat(response.json().get("message").asText()).as(method + " " + path).containsPattern("\\p{IsHan}");
      }
    }

    Http admin = as("demo");
    String operation = admin.get("/engine-rest/history/user-operation?processInstanceId=" + pid + "&maxResults=1").json()
        .get(0).get("id").asText();
    String variable = admin.get("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&variableName="
        + EvaluationVariables.OUTCOME_REASONS.name()).json().get(0).get("id").asText();
    String definition = admin.get("/engine-rest/history/process-instance/" + pid).json().get("processDefinitionId").asText();
    for (String user : List.of("ducha", "sifa", "zhengfu", "fgw", "zhuanjia1", "demo")) {
      Http http = as(user);
      List<Http.Response> refused = new ArrayList<>();
      refused.add(http.delete("/engine-rest/history/user-operation/" + operation));
      refused.add(http.delete("/engine-rest/history/process-instance/" + pid));
      refused.add(http.delete("/engine-rest/history/process-instance/" + pid + "/variable-instances"));
      refused.add(http.delete("/engine-rest/history/variable-instance/" + variable));
      refused.add(http.postJson("/engine-rest/history/process-instance/delete",
          Map.of("historicProcessInstanceIds", List.of(pid))));
      refused.add(http.putJson("/engine-rest/process-definition/" + definition + "/history-time-to-live",
          Map.of("historyTimeToLive", 1)));
      refused.add(http.postJson("/engine-rest/history/removal-time/set/process-instances",
          Map.of("historicProcessInstanceIds", List.of(pid), "absoluteRemovalTime", "2027-01-01T00:00:00.000+0800")));
      if (!user.equals("demo")) {
        // annotating an operation is the administrator's (it adds, and the log records the annotation itself)
        refused.add(http.putJson("/engine-rest/history/user-operation/" + operation + "/set-annotation",
            Map.of("annotation", "改写")));
        refused.add(http.putJson("/engine-rest/history/user-operation/" + operation + "/clear-annotation", Map.of()));
      }
      assertThat(refused).allSatisfy(r -> {
        assertThat(r.status()).as(user + " " + r.raw().uri() + ": " + r.body()).isBetween(400, 499);
        assertThat(r.json().get("message").asText()).as(user + " " + r.raw().uri()).containsPattern("\\p{IsHan}");
      });
    }
    assertThat(admin.get("/engine-rest/history/process-instance/" + pid).status()).isEqualTo(200);
    assertThat(admin.get("/engine-rest/process-definition/" + definition).json().get("historyTimeToLive").asInt())
        .isEqualTo(10958);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_audit_record", Long.class)).isEqualTo(recordsBefore);
    assertThat(trail("demo")).isEqualTo(before);
  }

  @Test
  void everyDeployedDefinitionKeepsItsHistoryForThirtyYears() {
    Http admin = as("demo");
    JsonNode processes = admin.get("/engine-rest/process-definition").json();
    JsonNode decisions = admin.get("/engine-rest/decision-definition").json();
    assertThat(processes).isNotEmpty();
    assertThat(decisions).isNotEmpty();
    processes.forEach(d -> assertThat(d.get("historyTimeToLive").asInt()).as(d.get("id").asText()).isEqualTo(10958));
    decisions.forEach(d -> assertThat(d.get("historyTimeToLive").asInt()).as(d.get("id").asText()).isEqualTo(10958));
  }
}
