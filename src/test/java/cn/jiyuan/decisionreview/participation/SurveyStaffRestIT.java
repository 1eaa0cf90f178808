package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.evaluation.QuestionnaireItem;
import cn.jiyuan.decisionreview.evaluation.SurveyResults;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff side of the online questionnaire through the project's API, as the demo users: the live results, the
 * export without address data, the early close that moves 网上问卷征集 on to 汇总问卷结果, and Art. 23 for outsiders.
 */
@IntegrationTest
class SurveyStaffRestIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SurveyStore surveys;

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

  private static Map<String, Object> json(Object value) {
    return Map.of("value", FormValues.toJson(value), "type", "Json");
  }

  private void submit(String user, String pid, String key, Map<String, Object> body) {
    Http http = as(user);
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(key + " visible to " + user).isNotEmpty();
    Http.Response response = http.postJson("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
        body);
    assertThat(response.status()).as(user + " completes " + key + ": " + response.body()).isEqualTo(204);
    Jobs.drain(engine, pid);
  }

  /** A decision of 市发改委 registered by the authority, with an evaluation requested by the legal office. */
  private String evaluation() {
    String number = DecisionNumbers.unique();
    Http.Response registered = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), "济源市老旧小区改造实施方案",
            TrackingVariables.DECISION_CATEGORY.name(), "OTHER", TrackingVariables.BROAD_IMPACT.name(), false,
            TrackingVariables.IMPLEMENTATION_START.name(), "2026-01-01", TrackingVariables.IMPLEMENTATION_END.name(), "",
            TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw", TrackingVariables.SUPERIOR_MANDATED.name(), false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    Http.Response requested = as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(),
            "AUTHORITY_DEEMS_NECESSARY", TrackingVariables.REQUEST_DESCRIPTION.name(), "需要评估"));
    assertThat(requested.status()).as(requested.body()).isEqualTo(200);
    Jobs.drain(engine, number);
    JsonNode evaluation = as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation"
        + "&superProcessInstance=" + registered.json().get("id").asText()).json();
    assertThat(evaluation).hasSize(1);
    return evaluation.get(0).get("id").asText();
  }

  /** A self-evaluation by the legal office up to 网上问卷征集: the designed questionnaire is open. */
  private String evaluationCollectingAnswers() {
    String pid = evaluation();
    submit("sifa", pid, TaskKeys.DETERMINE_METHOD, vars(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF",
        EvaluationVariables.PROCEDURE_TYPE.name(), "FULL", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs",
        EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    submit("sifa", pid, TaskKeys.FORM_TEAM, vars(EvaluationVariables.TEAM_MEMBERS.name(), json(List.of(
        new cn.jiyuan.decisionreview.evaluation.TeamMember("王明远", "市司法局", "机关工作人员", "0391-6630001", true,
            null, null)))));
    submit("sifa", pid, TaskKeys.DRAFT_PLAN, vars(EvaluationVariables.PLAN_PURPOSE.name(), "评估改造成效",
        EvaluationVariables.PLAN_OBJECT_CONTENT.name(), "42个小区", EvaluationVariables.PLAN_STANDARDS_METHODS.name(), "第七条",
        EvaluationVariables.PLAN_STEPS_SCHEDULE.name(), "三个月", EvaluationVariables.PLAN_BUDGET.name(), 120000,
        EvaluationVariables.PLAN_ORGANISATION.name(), "司法局负责"));
    submit("zhengfu", pid, TaskKeys.APPROVE_PLAN, vars(EvaluationVariables.PLAN_DECISION.name(), "APPROVE"));
    submit("sifa", pid, TaskKeys.DESIGN_SURVEY, vars(EvaluationVariables.SURVEY_OUTLINE.name(), "入户调查",
        EvaluationVariables.QUESTIONNAIRE_TITLE.name(), "老旧小区改造满意度调查", EvaluationVariables.QUESTIONNAIRE_DAYS.name(), 20,
        EvaluationVariables.QUESTIONNAIRE_ITEMS.name(), json(List.of(
            QuestionnaireItem.scale("您对改造后的小区环境是否满意？", Dimension.EFFECT, true),
            QuestionnaireItem.scale("您认为改造程序是否公开透明？", Dimension.PROCEDURE, true),
            QuestionnaireItem.of("您最关心哪些改造内容？", QuestionType.MULTIPLE, "道路", "绿化", "停车"),
            QuestionnaireItem.of("您是否参与过改造方案的讨论？", QuestionType.SINGLE, "是", "否"),
            QuestionnaireItem.of("其他意见和建议", QuestionType.TEXT)))));
    return pid;
  }

  private int sheets;

  /** Stored as the public API stores it; one second apart, so the export's order (oldest first) is known. */
  private void answer(Survey survey, Map<String, Object> answers) {
    Instant submitted = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60 - ++sheets);
    String receipt = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    surveys.addResponse(new SurveyResponse(receipt, survey.surveyId(), answers, submitted),
        "answers-" + receipt, "client-hash-" + receipt);
  }

  private static Map<String, Object> sheet(Object... pairs) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      answers.put((String) pairs[i], pairs[i + 1]);
    }
    return answers;
  }

  @Test
  void staffSeeTheLiveResultsExportTheAnswersAndCloseTheSurveyEarly() throws Exception {
    String pid = evaluationCollectingAnswers();
    Survey survey = surveys.findByProcessInstance(pid).orElseThrow();
    answer(survey, sheet("q1", 5, "q2", 4, "q3", List.of("道路", "停车"), "q4", "是", "q5", "希望增加停车位"));
    answer(survey, sheet("q1", 4, "q2", 0, "q3", List.of("绿化"), "q4", "否", "q5", "=HYPERLINK(\"x\")"));
    answer(survey, sheet("q1", 3, "q2", 2, "q3", List.of("停车")));

    // the executing unit takes part in the evaluation: it sees the results while the survey is open
    Http.Response live = as("fgw").get("/api/evaluations/" + pid + "/survey");
    assertThat(live.status()).as(live.body()).isEqualTo(200);
    JsonNode view = live.json();
    assertThat(view.get("surveyId").asText()).isEqualTo(survey.surveyId());
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("responseCount").asInt()).isEqualTo(3);
    JsonNode q1 = view.get("questions").get(0);
    assertThat(q1.get("id").asText()).isEqualTo("q1");
    assertThat(q1.get("type").asText()).isEqualTo("SCALE");
    assertThat(q1.get("text").asText()).isEqualTo("您对改造后的小区环境是否满意？");
    List<String> scale = new ArrayList<>();
    q1.get("counts").fieldNames().forEachRemaining(scale::add);
    assertThat(scale).containsExactly("很满意", "满意", "一般", "不满意", "很不满意", "不清楚");
    assertThat(q1.get("counts").get("很满意").asInt()).isEqualTo(1);
    assertThat(q1.get("mean").asDouble()).isEqualTo(4.0);
    assertThat(view.get("questions").get(1).get("mean").asDouble()).as("不清楚 left out").isEqualTo(3.0);
    JsonNode q3 = view.get("questions").get(2);
    assertThat(q3.get("counts").get("停车").asInt()).isEqualTo(2);
    assertThat(q3.get("mean").isNull()).isTrue();
    assertThat(view.get("questions").get(4).get("counts").size()).as("TEXT has no counts").isZero();
    assertThat(view.get("awareness").asDouble()).isEqualTo(0.8333);
    JsonNode effect = view.get("dimensions").get(4);
    assertThat(effect.get("dimension").asText()).isEqualTo("EFFECT");
    assertThat(effect.get("score").asDouble()).isEqualTo(75.0);
    assertThat(live.body()).doesNotContain("client-hash", "answers-R", "processInstanceId");

    // the export: one row per sheet, no address data, the scale by its label, a Chinese file name
    Http.Response export = as("sifa").get("/api/evaluations/" + pid + "/survey/responses.xlsx");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith(SurveyStaffController.XLSX);
    assertThat(export.header("Content-Disposition")).contains("filename*=UTF-8''");
    assertThat(cn.jiyuan.decisionreview.download.ContentDispositions.fileName(export.header("Content-Disposition")))
        .isEqualTo(survey.decisionNumber() + "-网上问卷答卷.xlsx");
    Files.write(Path.of("target", "survey-responses-example.xlsx"), export.bytes());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = sheet.getRow(0);
      List<String> headers = new ArrayList<>();
      header.forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers).containsExactly("回执号", "提交时间（北京时间）", "1. 您对改造后的小区环境是否满意？", "2. 您认为改造程序是否公开透明？",
          "3. 您最关心哪些改造内容？", "4. 您是否参与过改造方案的讨论？", "5. 其他意见和建议");
      assertThat(String.join(" ", headers)).doesNotContain("IP", "地址", "hash", "散列");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).startsWith("R");
      assertThat(first.getCell(1).getStringCellValue()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("很满意");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("道路；停车");
      assertThat(first.getCell(6).getStringCellValue()).isEqualTo("希望增加停车位");
      Row second = sheet.getRow(2);
      assertThat(second.getCell(3).getStringCellValue()).isEqualTo("不清楚");
      assertThat(second.getCell(6).getCellType()).as("a formula-like answer stays text")
          .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      StringBuilder all = new StringBuilder();
      sheet.forEach(row -> row.forEach(c -> all.append(c.toString()).append(' ')));
      assertThat(all.toString()).doesNotContain("client-hash", "answers-R");
    }

    // Art. 23: another executing unit and an expert who did not work on it see nothing
    for (String outsider : List.of("jyj", "zhuanjia2")) {
      assertThat(as(outsider).get("/api/evaluations/" + pid + "/survey").status()).isEqualTo(403);
      assertThat(as(outsider).get("/api/evaluations/" + pid + "/survey/responses.xlsx").status()).isEqualTo(403);
      Http.Response refused = as(outsider).postJson("/api/evaluations/" + pid + "/survey/close", Map.of());
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).contains("无权查阅");
    }
    // the supervisors read but do not end the survey
    assertThat(as("ducha").get("/api/evaluations/" + pid + "/survey").status()).isEqualTo(200);
    Http.Response supervisor = as("ducha").postJson("/api/evaluations/" + pid + "/survey/close", Map.of());
    assertThat(supervisor.status()).isEqualTo(403);
    assertThat(supervisor.json().get("message").asText()).contains("提前结束");
    assertThat(surveys.find(survey.surveyId()).orElseThrow().closedAt()).isNull();

    // the legal office ends it early: 网上问卷征集 moves on, 汇总问卷结果 fills the consultation record
    Http.Response closed = as("sifa").postJson("/api/evaluations/" + pid + "/survey/close", Map.of());
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
    assertThat(surveys.find(survey.surveyId()).orElseThrow().closedAt()).isNotNull();
    Jobs.drain(engine, pid);
    assertThat(engine.getRuntimeService().getActiveActivityIds(pid)).doesNotContain(TaskKeys.COLLECT_SURVEY_RESPONSES)
        .contains(TaskKeys.RECORD_CONSULTATIONS);
    SurveyResults results = EvaluationVariables.SURVEY_RESULTS.of(name -> engine.getRuntimeService().getVariable(pid, name));
    assertThat(results.responseCount()).isEqualTo(3);
    assertThat(engine.getRuntimeService().getVariable(pid, EvaluationVariables.SURVEY_RESPONSE_COUNT.name())).isEqualTo(3);
    List<Consultation> consultations = EvaluationVariables.CONSULTATIONS.of(
        name -> engine.getRuntimeService().getVariable(pid, name));
    assertThat(consultations).singleElement().satisfies(c -> {
      assertThat(c.channel()).isEqualTo("ONLINE_SURVEY");
      assertThat(c.participantCount()).isEqualTo(3);
      assertThat(c.opinionTotal()).isEqualTo(2);
      assertThat(c.summary()).startsWith("网上问卷自动汇总：共收到 3 份答卷");
    });

    // closing again changes nothing
    Http.Response again = as("fgw").postJson("/api/evaluations/" + pid + "/survey/close", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("已结束征集");

    // the team adds its other channels; the draft report shows the results with its two native charts
    byte[] pdf = "%PDF-1.7 实施情况".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    submit("fgw", pid, TaskKeys.SUPPLY_MATERIALS, vars(EvaluationVariables.materialFile(1), Map.of("value",
        java.util.Base64.getEncoder().encodeToString(pdf), "type", "File", "valueInfo",
        Map.of("filename", "改造进度台账.pdf", "mimetype", "application/pdf")),
        EvaluationVariables.IMPLEMENTATION_DATA.name(), "已完成 38 个小区",
        EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(), "资金拨付慢", EvaluationVariables.IMPLEMENTATION_RISKS.name(), "工期延误",
        EvaluationVariables.IMPLEMENTATION_SUGGESTIONS.name(), "建立资金直达机制"));
    List<Consultation> recorded = new ArrayList<>(consultations);
    recorded.add(Consultation.of("FIELD_RESEARCH", java.time.LocalDate.of(2026, 9, 1), 60, null, "入户走访"));
    submit("sifa", pid, TaskKeys.RECORD_CONSULTATIONS, vars(EvaluationVariables.CONSULTATIONS.name(), json(recorded)));
    Map<String, Object> analysis = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      analysis.put(d.scoreVariable(), Map.of("value", 80));
      analysis.put(d.findingsVariable(), Map.of("value", d.label() + "：总体良好"));
    }
    analysis.put(EvaluationVariables.IMPLEMENTATION_PERFORMANCE.name(), Map.of("value", "完成率 90%"));
    analysis.put(EvaluationVariables.INSTITUTIONAL_DESIGN.name(), Map.of("value", "制度基本健全"));
    analysis.put(EvaluationVariables.PRELIMINARY_CONCLUSION.name(), Map.of("value", "改造成效明显"));
    analysis.put(EvaluationVariables.RECOMMENDATIONS.name(), Map.of("value", "加快资金拨付"));
    submit("sifa", pid, TaskKeys.ANALYSIS, Map.of("variables", analysis));
    Http.Response report = as("fgw").get("/api/evaluations/" + pid + "/report");
    assertThat(report.status()).isEqualTo(200);
    Files.write(Path.of("target", "report-with-survey-draft.docx"), report.bytes());
    try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new ByteArrayInputStream(report.bytes()))) {
      assertThat(doc.getCharts()).hasSize(2);
      assertThat(doc.getCharts().get(1).getCTChartSpace().xmlText()).contains("近期效益与长远影响", "<c:v>75.0</c:v>");
      String text = doc.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
          .reduce("", (a, b) -> a + b + "\n");
      assertThat(text).contains("共收到答卷3份", "近期效益与长远影响75.0分");
    }
  }

  @Test
  void anEvaluationNotCollectingAnswersRefusesTheCloseAndChangesNothing() {
    String pid = evaluation();
    Http.Response none = as("sifa").get("/api/evaluations/" + pid + "/survey");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("message").asText()).isEqualTo("该评估没有网上问卷。");
    assertThat(as("sifa").get("/api/evaluations/" + pid + "/survey/responses.xlsx").status()).isEqualTo(404);
    assertThat(as("sifa").get("/api/evaluations/no-such-instance/survey").status()).isEqualTo(404);
    assertThat(as("sifa").postJson("/api/evaluations/no-such-instance/survey/close", Map.of()).status()).isEqualTo(404);

    // a survey row while the process is still at 确定评估方式 (not waiting for the close)
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Survey survey = new Survey("t" + UUID.randomUUID().toString().replace("-", ""), pid, "济政〔2026〕1号", "测试",
        "ROUTINE", "测试问卷", List.of(new SurveyQuestion("q1", "总体满意度", QuestionType.SCALE, true, List.of(),
            Dimension.OBJECTIVES.name())), now.minusSeconds(60), now.plusSeconds(86_400), null);
    surveys.create(survey);
    Http.Response refused = as("sifa").postJson("/api/evaluations/" + pid + "/survey/close", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("message").asText()).contains("不在网上问卷征集环节");
    assertThat(surveys.find(survey.surveyId()).orElseThrow().closedAt()).as("nothing changed").isNull();
    assertThat(engine.getRuntimeService().getActiveActivityIds(pid)).contains(TaskKeys.DETERMINE_METHOD);

    Http.Response empty = as("fgw").get("/api/evaluations/" + pid + "/survey");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("responseCount").asInt()).isZero();
    assertThat(empty.json().get("awareness").isNull()).isTrue();
  }
}
