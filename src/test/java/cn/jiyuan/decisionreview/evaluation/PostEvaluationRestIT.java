package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One commissioned full evaluation driven through /engine-rest by the demo users
 * (never as admin), with a file upload, ending in a report that is downloaded and read with POI; and the
 * confidentiality of Art. 23.
 */
@IntegrationTest
class PostEvaluationRestIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

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
    return Map.of("value", cn.jiyuan.decisionreview.shared.FormValues.toJson(value), "type", "Json");
  }

  private String task(Http user, String pid, String key) {
    JsonNode tasks = user.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(key + " visible to the user").isNotEmpty();
    return tasks.get(0).get("id").asText();
  }

  private void submit(String user, String pid, String key, Map<String, Object> body) {
    Http http = as(user);
    Http.Response response = http.postJson("/engine-rest/task/" + task(http, pid, key) + "/submit-form", body);
    assertThat(response.status()).as(user + " completes " + key + ": " + response.body()).isEqualTo(204);
    Jobs.drain(engine, pid); // the machine work after the person's step, as the job executor would run it
  }

  /** A number in its canonical spelling (registration normalises it: no leading zeros), unique per run. */
  private static String number() {
    return DecisionNumbers.unique();
  }

  /**
   * The way staff get an evaluation: the authority registers the decision (category OTHER: nothing scheduled),
   * someone requests an evaluation, and decision tracking starts it. Returns the evaluation's instance id.
   */
  private String requestedEvaluation(String requester, String number, String title, String reason) {
    Http.Response registered = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), title, TrackingVariables.DECISION_CATEGORY.name(), "OTHER", TrackingVariables.BROAD_IMPACT.name(), false,
            TrackingVariables.IMPLEMENTATION_START.name(), "2026-01-01", TrackingVariables.IMPLEMENTATION_END.name(), "", TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw", TrackingVariables.SUPERIOR_MANDATED.name(), false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    Http.Response requested = as(requester).postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(), reason, TrackingVariables.REQUEST_DESCRIPTION.name(), "需要评估"));
    assertThat(requested.status()).as(requested.body()).isEqualTo(200);
    Jobs.drain(engine, number); // delivery to tracking and the evaluation's start run as jobs
    JsonNode evaluation = as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation"
        + "&superProcessInstance=" + registered.json().get("id").asText()).json();
    assertThat(evaluation).as("the evaluation tracking started for " + number).hasSize(1);
    assertThat(evaluation.get(0).get("businessKey").asText()).isEqualTo(number);
    return evaluation.get(0).get("id").asText();
  }

  @Test
  void aCommissionedEvaluationRunsThroughTheRestApiAsTheDemoUsers() throws Exception {
    String number = number();
    String pid = requestedEvaluation("sifa", number, "济源市老旧小区改造实施方案", "AUTHORITY_DEEMS_NECESSARY");

    // A refused submission is a 400 with the Chinese reason, and the task stays open.
    Http sifa = as("sifa");
    String method = task(sifa, pid, TaskKeys.DETERMINE_METHOD);
    Http.Response refused = sifa.postJson("/engine-rest/task/" + method + "/submit-form",
        vars(EvaluationVariables.EVALUATOR_TYPE.name(), "COMMISSIONED", EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs", EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("简易程序须书面说明理由");
    assertThat(task(sifa, pid, TaskKeys.DETERMINE_METHOD)).isEqualTo(method);

    submit("sifa", pid, TaskKeys.DETERMINE_METHOD, vars(EvaluationVariables.EVALUATOR_TYPE.name(), "COMMISSIONED", EvaluationVariables.PROCEDURE_TYPE.name(), "FULL",
        EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs", EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    // An ineligible agency is refused in place — same task, same due date — with the table's reason.
    String selection = task(sifa, pid, TaskKeys.SELECT_AGENCY);
    JsonNode before = sifa.get("/engine-rest/task/" + selection).json();
    assertThat(before.get("due").isNull()).as("the selection has a due date").isFalse();
    Http.Response ineligible = sifa.postJson("/engine-rest/task/" + selection + "/submit-form",
        vars(EvaluationVariables.AGENCY_ID.name(), "hengtai", EvaluationVariables.COMMISSION_SCOPE.name(), "整体评估", EvaluationVariables.NO_SUBCONTRACTING_DECLARED.name(), true));
    assertThat(ineligible.status()).isEqualTo(400);
    assertThat(ineligible.json().get("message").asText())
        .contains("济源恒泰管理咨询有限公司", "该机构受到处理（第二十五条），不得委托", "另选")
        .doesNotContain("Exception", "agencyEligibility", "hengtai");
    JsonNode after = sifa.get("/engine-rest/task/" + selection).json();
    assertThat(after.get("id").asText()).isEqualTo(selection);
    assertThat(after.get("due").asText()).isEqualTo(before.get("due").asText());
    assertThat(sifa.get("/engine-rest/process-instance/" + pid + "/variables/agencyRefusalReason").status())
        .as("nothing of the refused submission is kept").isEqualTo(404);

    submit("sifa", pid, TaskKeys.SELECT_AGENCY, vars(EvaluationVariables.AGENCY_ID.name(), "demo", EvaluationVariables.COMMISSION_SCOPE.name(), "整体评估",
        EvaluationVariables.NO_SUBCONTRACTING_DECLARED.name(), true));
    assertThat(sifa.get("/engine-rest/task/" + selection).status()).isEqualTo(404);
    submit("jigou", pid, TaskKeys.FORM_TEAM, vars(EvaluationVariables.TEAM_MEMBERS.name(), json(List.of(
        new TeamMember("孙立新", "郑州大学公共政策研究中心", "行业专家", "0371-1234567", true, null, null)))));
    submit("jigou", pid, TaskKeys.DRAFT_PLAN, vars(EvaluationVariables.PLAN_PURPOSE.name(), "评估改造成效", EvaluationVariables.PLAN_OBJECT_CONTENT.name(), "42个小区",
        EvaluationVariables.PLAN_STANDARDS_METHODS.name(), "第七条", EvaluationVariables.PLAN_STEPS_SCHEDULE.name(), "三个月", EvaluationVariables.PLAN_BUDGET.name(), 120000, EvaluationVariables.PLAN_ORGANISATION.name(), "机构负责"));
    submit("zhengfu", pid, TaskKeys.APPROVE_PLAN, vars(EvaluationVariables.PLAN_DECISION.name(), "APPROVE"));
    submit("jigou", pid, TaskKeys.DESIGN_SURVEY, vars(EvaluationVariables.SURVEY_OUTLINE.name(), "入户调查", EvaluationVariables.QUESTIONNAIRE_TITLE.name(), "老旧小区改造满意度",
        EvaluationVariables.QUESTIONNAIRE_DAYS.name(), 20, EvaluationVariables.QUESTIONNAIRE_ITEMS.name(), json(List.of(QuestionnaireItem.of("总体满意度", QuestionType.SCALE)))));

    // The questionnaire is public at once: a citizen answers without login; the team ends it early.
    String surveyId = as("jigou").get("/api/evaluations/" + pid + "/survey").json().get("surveyId").asText();
    Http.Response answered = Http.anonymous(port).postJson("/public/api/surveys/" + surveyId + "/responses",
        Map.of("answers", Map.of("q1", 4)));
    assertThat(answered.status()).as(answered.body()).isEqualTo(201);
    assertThat(as("jigou").postJson("/api/evaluations/" + pid + "/survey/close", Map.of()).status()).isEqualTo(200);
    Jobs.drain(engine, pid);

    byte[] pdf = "%PDF-1.7 实施情况".getBytes(StandardCharsets.UTF_8);
    submit("fgw", pid, TaskKeys.SUPPLY_MATERIALS, vars(
        EvaluationVariables.materialFile(1), Map.of("value", Base64.getEncoder().encodeToString(pdf), "type", "File",
            "valueInfo", Map.of("filename", "改造进度台账.pdf", "mimetype", "application/pdf")),
        EvaluationVariables.IMPLEMENTATION_DATA.name(), "已完成 38 个小区", EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(), "资金拨付慢", EvaluationVariables.IMPLEMENTATION_RISKS.name(), "工期延误",
        EvaluationVariables.IMPLEMENTATION_SUGGESTIONS.name(), "建立资金直达机制"));
    JsonNode online = as("jigou").get("/engine-rest/process-instance/" + pid + "/variables/"
        + EvaluationVariables.CONSULTATIONS.name() + "?deserializeValue=false").json();
    List<Consultation> recorded = new java.util.ArrayList<>(EvaluationVariables.CONSULTATIONS.from(
        Map.of(EvaluationVariables.CONSULTATIONS.name(), online.get("value").asText())));
    assertThat(recorded).singleElement().satisfies(c -> {
      assertThat(c.channel()).isEqualTo("ONLINE_SURVEY");
      assertThat(c.participantCount()).isEqualTo(1);
    });
    recorded.add(Consultation.of("FIELD_RESEARCH", java.time.LocalDate.of(2026, 9, 1), 60, null, "入户走访"));
    recorded.add(Consultation.of("WRITTEN_SOLICITATION", java.time.LocalDate.of(2026, 9, 10), 12, 30, "书面征求街道意见"));
    submit("jigou", pid, TaskKeys.RECORD_CONSULTATIONS, vars(EvaluationVariables.CONSULTATIONS.name(), json(recorded)));
    Map<String, Object> analysis = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      analysis.put(d.scoreVariable(), Map.of("value", 85));
      analysis.put(d.findingsVariable(), Map.of("value", d.label() + "：总体良好"));
    }
    analysis.put(EvaluationVariables.IMPLEMENTATION_PERFORMANCE.name(), Map.of("value", "完成率 90%"));
    analysis.put(EvaluationVariables.INSTITUTIONAL_DESIGN.name(), Map.of("value", "制度基本健全"));
    analysis.put(EvaluationVariables.PRELIMINARY_CONCLUSION.name(), Map.of("value", "改造成效明显"));
    analysis.put(EvaluationVariables.RECOMMENDATIONS.name(), Map.of("value", "加快资金拨付"));
    submit("jigou", pid, TaskKeys.ANALYSIS, Map.of("variables", analysis));
    submit("jigou", pid, TaskKeys.REVIEW_DRAFT, vars(EvaluationVariables.DRAFT_CONFIRMED.name(), true));
    submit("jigou", pid, TaskKeys.SELECT_EXPERTS, vars(EvaluationVariables.SELECTED_EXPERTS.name(), json(List.of("zhuanjia1"))));
    submit("zhuanjia1", pid, TaskKeys.EXPERT_OPINION, vars(EvaluationVariables.EXPERT_CONCLUSION.name(), "DISAGREE", EvaluationVariables.EXPERT_OPINION.name(), "总体认可",
        EvaluationVariables.DISSENT_REASON.name(), "满意度样本偏少"));
    Http.Response gate = as("jigou").postJson("/engine-rest/task/" + task(as("jigou"), pid, TaskKeys.FINALIZE_REPORT)
        + "/submit-form", vars(EvaluationVariables.FINAL_REPORT_NOTES.name(), "已吸收专家意见"));
    assertThat(gate.status()).isEqualTo(400);
    assertThat(gate.json().get("message").asText()).as("the quality gate").contains("只收到 1 份答卷").contains("说明原因");
    submit("jigou", pid, TaskKeys.FINALIZE_REPORT, vars(EvaluationVariables.FINAL_REPORT_NOTES.name(), "已吸收专家意见",
        EvaluationVariables.SURVEY_SHORTFALL_REASON.name(), "小区居民以老年人为主，网上答卷少，已以入户走访补充"));
    submit("zhengfu", pid, TaskKeys.AUTHORITY_APPROVAL, vars(EvaluationVariables.REPORT_DECISION.name(), "APPROVE", EvaluationVariables.EVALUATION_OUTCOME.name(), "CONTINUE",
        EvaluationVariables.OUTCOME_REASONS.name(), "成效明显，继续执行"));

    assertThat(as("ducha").get("/engine-rest/history/process-instance/" + pid).json().get("state").asText())
        .isEqualTo("COMPLETED");

    // The report, after the process has ended, for a participant; opened with POI.
    Http.Response report = as("fgw").get("/api/evaluations/" + pid + "/report");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.header("Content-Disposition")).contains("filename*=UTF-8''");
    // kept for a person to look at (e.g. libreoffice --headless --convert-to pdf)
    java.nio.file.Files.write(java.nio.file.Path.of("target", "report-commissioned-approved.docx"), report.bytes());
    String text;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report.bytes()))) {
      StringBuilder sb = new StringBuilder();
      doc.getParagraphs().stream().map(XWPFParagraph::getText).forEach(t -> sb.append(t).append('\n'));
      doc.getTables().forEach(t -> sb.append(t.getText()).append('\n'));
      text = sb.toString();
    }
    assertThat(text).contains("关于《济源市老旧小区改造实施方案》", "（" + number + "）", "跟踪反馈与后评估的报告")
        .contains("一、基本情况", "二、评估内容分析", "三、评估结论及建议", "四、其他需要说明的问题")
        .contains("良好", "郑州大学公共政策研究中心", "改造进度台账.pdf", "满意度样本偏少", "第八条第（五）项", "济政办〔2022〕4号");
    // The agency signs its report, the authority's 审定 is recorded on it and signed by the authority
    assertThat(text).contains("受市司法局委托，郑州大学公共政策研究中心对《济源市老旧小区改造实施方案》",
        "专家论证：周法明（不同意报告结论）", "正式形成评估报告");
    String approval = text.substring(text.indexOf("决策机关审定意见"));
    assertThat(approval).contains("审定结论：审定通过。", "处理决定：继续执行。", "理由：成效明显，继续执行。", "经办人：李建国");
    assertThat(text.substring(text.indexOf("附件：1."), text.indexOf("附件1"))).contains("郑州大学公共政策研究中心");

    JsonNode materials = as("fgw").get("/api/evaluations/" + pid + "/materials").json();
    assertThat(materials).hasSize(1);
    Http.Response material = as("jigou").get(materials.get(0).get("url").asText());
    assertThat(material.bytes()).isEqualTo(pdf);

    // Art. 23: another executing unit sees nothing; supervisors and the legal office read.
    assertThat(as("jyj").get("/api/evaluations/" + pid + "/report").status()).isEqualTo(403);
    assertThat(as("jyj").get("/api/evaluations/" + pid + "/materials").status()).isEqualTo(403);
    assertThat(as("jyj").get(materials.get(0).get("url").asText()).status()).isEqualTo(403);
    assertThat(as("jyj").get("/engine-rest/history/process-instance?processInstanceId=" + pid).json()).isEmpty();
    assertThat(as("zhuanjia2").get("/api/evaluations/" + pid + "/report").status()).isEqualTo(403);
    assertThat(as("zhuanjia1").get("/api/evaluations/" + pid + "/report").status()).isEqualTo(200);
    assertThat(as("ducha").get("/api/evaluations/" + pid + "/report").status()).isEqualTo(200);
    assertThat(as("sifa").get("/api/evaluations/" + pid + "/report").status()).isEqualTo(200);
    assertThat(as("sifa").get("/api/evaluations/no-such-instance/report").status()).isEqualTo(404);
  }

  @Test
  void aSimplifiedReportNamesThePeopleWhoDidTheWork() throws Exception {
    String number = number();
    String pid = requestedEvaluation("sifa", number, "济源市老旧小区改造实施方案", "EFFECT_NOT_ACHIEVED");
    submit("sifa", pid, TaskKeys.DETERMINE_METHOD, vars(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF", EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED",
        EvaluationVariables.SIMPLIFIED_JUSTIFICATION.name(), "争议较小", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs", EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    submit("fgw", pid, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED, vars(
        EvaluationVariables.materialFile(1), Map.of("value", Base64.getEncoder().encodeToString("%PDF-1.7 台账".getBytes(StandardCharsets.UTF_8)),
            "type", "File", "valueInfo", Map.of("filename", "台账.pdf", "mimetype", "application/pdf")),
        EvaluationVariables.IMPLEMENTATION_DATA.name(), "已完成 38 个小区", EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(), "资金拨付慢", EvaluationVariables.IMPLEMENTATION_RISKS.name(), "工期延误",
        EvaluationVariables.IMPLEMENTATION_SUGGESTIONS.name(), "建立资金直达机制"));
    submit("sifa", pid, TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, vars(EvaluationVariables.CONSULTATIONS.name(), json(List.of(
        Map.of("channel", "SYMPOSIUM", "date", "2026-09-01", "participants", 20, "opinionCount", 12, "summary", "居民座谈")))));
    Map<String, Object> analysis = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      analysis.put(d.scoreVariable(), Map.of("value", 76));
      analysis.put(d.findingsVariable(), Map.of("value", d.label() + "：基本达到"));
    }
    analysis.put(EvaluationVariables.IMPLEMENTATION_PERFORMANCE.name(), Map.of("value", "完成率 60%"));
    analysis.put(EvaluationVariables.INSTITUTIONAL_DESIGN.name(), Map.of("value", "出资比例不明确"));
    analysis.put(EvaluationVariables.PRELIMINARY_CONCLUSION.name(), Map.of("value", "基本达到预期，形成评估报告。"));
    analysis.put(EvaluationVariables.RECOMMENDATIONS.name(), Map.of("value", "明确出资比例"));
    submit("sifa", pid, TaskKeys.ANALYSIS_SIMPLIFIED, Map.of("variables", analysis));

    Http.Response draft = as("sifa").get("/api/evaluations/" + pid + "/report");
    java.nio.file.Files.write(java.nio.file.Path.of("target", "report-simplified-draft.docx"), draft.bytes());
    String text = reportText(draft);
    assertThat(text).contains("评估主体和评估人员", "本次评估为自行评估，由市司法局承担评估具体工作。",
        "本次评估采用简易程序，未成立评估小组，参与评估工作的人员如下：",
        "王明远\t市司法局\t征求意见与调查记录、分析研判并形成初步结论", "张伟\t市发展和改革委员会\t提供实施情况材料",
        "确定评估方式：自行评估，简易程序", "分析研判并形成初步结论", "评分：76.0 分。", "综合得分：76.0 分。")
        .doesNotContain("评估小组成员：无", "未填写").doesNotContainPattern("[。；，、：]{2}");
  }

  private static String reportText(Http.Response report) throws Exception {
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report.bytes()))) {
      StringBuilder sb = new StringBuilder();
      doc.getParagraphs().stream().map(XWPFParagraph::getText).forEach(t -> sb.append(t).append('\n'));
      doc.getTables().forEach(t -> sb.append(t.getText()).append('\n'));
      return sb.toString();
    }
  }

  @Test
  void jyjCannotSeeTheTasksOfAnEvaluationOfAnotherUnitsDecision() {
    String pid = requestedEvaluation("zhengfu", number(),
        "产业扶持政策", "EXECUTION_RISK");
    submit("sifa", pid, TaskKeys.DETERMINE_METHOD, vars(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF", EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED",
        EvaluationVariables.SIMPLIFIED_JUSTIFICATION.name(), "紧急", EvaluationVariables.UNDERTAKING_UNIT.name(), "exec-fgw", EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE"));
    assertThat(as("fgw").get("/engine-rest/task?processInstanceId=" + pid).json()).hasSize(2);
    assertThat(as("jyj").get("/engine-rest/task?processInstanceId=" + pid).json()).isEmpty();
    assertThat(as("jyj").get("/engine-rest/process-instance/" + pid + "/variables").status()).isIn(403, 404);
    // Participants read their evaluation's variables (Tasklist shows decision number and title in the list).
    assertThat(as("fgw").get("/engine-rest/process-instance/" + pid + "/variables").json().get(EvaluationVariables.DECISION_TITLE.name())
        .get("value").asText()).isEqualTo("产业扶持政策");
    assertThat(as("jyj").get("/api/evaluations/" + pid + "/materials").status()).isEqualTo(403);
  }

  /** Every evaluation goes through tracking, which records it: staff cannot start one past it (Art. 8, 18, 19). */
  @Test
  void staffCannotStartAnEvaluationDirectly() {
    String number = number();
    for (String user : List.of("sifa", "zhengfu", "fgw")) {
      for (String call : List.of("start", "submit-form")) {
        Http.Response refused = as(user).postJson("/engine-rest/process-definition/key/post-evaluation/" + call,
            vars(EvaluationVariables.DECISION_NUMBER.name(), number, EvaluationVariables.DECISION_TITLE.name(), "济源市老旧小区改造实施方案", EvaluationVariables.EXECUTING_UNIT.name(), "exec-fgw",
                EvaluationVariables.EVALUATION_TYPE.name(), "TRIGGERED", EvaluationVariables.LEGAL_BASIS.name(), "第八条第（五）项"));
        // 403 for the coordinators, who may read the definition; 404 for a unit, which may not even see it
        assertThat(refused.status()).as(user + " " + call + ": " + refused.body()).isEqualTo(user.equals("fgw") ? 404 : 403);
      }
      JsonNode startable = as(user).get("/engine-rest/process-definition?startableInTasklist=true"
          + "&startablePermissionCheck=true&latestVersion=true").json();
      assertThat(startable.findValuesAsText("key")).as(user).doesNotContain("post-evaluation", "measures-revision");
    }
    assertThat(as("sifa").get("/engine-rest/process-instance?businessKey=" + Http.encode(number)).json()).isEmpty();
    assertThat(as("sifa").get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + Http.encode(number))
        .json()).isEmpty();
  }
}
