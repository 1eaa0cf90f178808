package cn.jiyuan.decisionreview.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.deadline.DeadlineWatch;
import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.PreviousRectification;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.Recommendation;
import cn.jiyuan.decisionreview.evaluation.RecommendationKind;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 (follow-through, Art. 16, 17) on the whole application with a controlled clock: an approved report's
 * recommendations become rectification items (one accepted, one modified, one rejected); the unit reports, the legal
 * office returns it, the unit reports again and the item closes; the deadline is counted in Chinese working days, the
 * deadline watch reminds before it and escalates after it; the next evaluation of the decision shows the items.
 */
@IntegrationTest
@Covers({"第十六条", "第十七条"})
class RectificationIT {

  @Autowired ProcessEngine engine;
  @Autowired RectificationService service;
  @Autowired DeadlineWatch watch;
  @Autowired JdbcTemplate jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  static Date beijing(String day, String time) {
    return Date.from(LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .toInstant());
  }

  private static final List<Recommendation> THREE = List.of(
      Recommendation.of("完善课后服务收费与财政补助机制", "exec-jyj", RecommendationKind.SUPPORTING_RULES, 5),
      Recommendation.of("加强农村学校课后服务师资配备", "exec-jyj", RecommendationKind.ADMINISTRATION, 20),
      Recommendation.of("将课后服务纳入城市更新规划", "exec-zjj", RecommendationKind.DECISION_CONTENT, 10));

  /** A simplified evaluation by the legal office, approved on Thursday 5 March 2026 with the three decisions. */
  private EvaluationScenario approved(String number, List<String> decisions) {
    return approved(number, decisions, org.camunda.bpm.engine.variable.Variables.createVariables());
  }

  private EvaluationScenario approved(String number, List<String> decisions,
      org.camunda.bpm.engine.variable.VariableMap extra) {
    ClockUtil.setCurrentTime(beijing("2026-03-05", "10:00"));
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-jyj");
    s.determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values()), THREE).reviewDraft(null)
        .finalizeReport();
    return s.authorityWithRecommendations("CONTINUE", decisions, extra);
  }

  private Task implementTask(RectificationView item) {
    return engine.getTaskService().createTaskQuery().processInstanceId(item.rectificationProcessInstanceId())
        .taskDefinitionKey(RectificationRules.IMPLEMENT).singleResult();
  }

  private Task reviewTask(RectificationView item) {
    return engine.getTaskService().createTaskQuery().processInstanceId(item.rectificationProcessInstanceId())
        .taskDefinitionKey(RectificationRules.REVIEW).singleResult();
  }

  private void as(String user, String group) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
  }

  /** A small but real PDF: the server checks a file's content against its name. */
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
      + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

  static FileValue file(String name, byte[] content) {
    return Variables.fileValue(name).file(content).create();
  }

  /** 落实整改事项 as its form submits it: measures, status, an optional reason and evidence files in slots 1, 2, …. */
  static VariableMap report(String measures, String status, String reason, FileValue... files) {
    VariableMap v = Variables.createVariables().putValue("rectificationMeasures", measures)
        .putValue("rectificationStatus", status);
    if (reason != null) {
      v.putValue("rectificationReason", reason);
    }
    for (int i = 0; i < files.length; i++) {
      v.putValueTyped(RectificationVariables.EVIDENCE_FILE_PREFIX + (i + 1), files[i]);
    }
    return v;
  }

  private int storedEvidence(String itemId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dr_rectification_evidence WHERE item_id = ?", Integer.class,
        itemId);
  }

  @Test
  void anApprovedReportMakesItemsAcceptedModifiedAndRejectedWithWorkingDayDeadlines() {
    String number = DecisionNumbers.unique();
    EvaluationScenario s = approved(number, List.of("ACCEPT", "加强农村学校课后服务师资配备，2026 年秋季学期前完成", "REJECT"));
    List<RectificationView> items = service.itemsOfEvaluation(s.instance.getId());
    assertThat(items).extracting(RectificationView::no, RectificationView::authorityDecision, RectificationView::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ACCEPT", "OPEN"),
            org.assertj.core.groups.Tuple.tuple(2, "MODIFY", "OPEN"),
            org.assertj.core.groups.Tuple.tuple(3, "REJECT", "REJECTED"));
    assertThat(items.get(1).text()).isEqualTo("加强农村学校课后服务师资配备，2026 年秋季学期前完成");
    assertThat(items.get(1).originalText()).isEqualTo("加强农村学校课后服务师资配备");
    assertThat(items.get(0).responsibleUnitName()).isEqualTo("市教育局");
    assertThat(items.get(0).kindLabel()).isEqualTo("完善配套制度");
    // 5 working days from Thursday 5 March across a weekend: 6, 9, 10, 11, 12 March; 20: 2 April (Qingming 4–6 April later)
    assertThat(items.get(0).dueDate()).isEqualTo("2026-03-12");
    assertThat(items.get(2).dueDate()).isEmpty();
    assertThat(items.get(2).rectificationProcessInstanceId()).as("a rejected recommendation starts no work").isNull();

    Task first = implementTask(items.get(0));
    assertThat(first.getName()).isEqualTo("落实整改事项");
    assertThat(first.getDueDate()).isEqualTo(beijing("2026-03-12", "17:30"));
    assertThat(first.getFollowUpDate()).as("taskDeadline: reminded 3 working days before").isEqualTo(beijing("2026-03-09", "09:00"));
    assertThat(engine.getTaskService().getIdentityLinksForTask(first.getId()))
        .anyMatch(l -> "exec-jyj".equals(l.getGroupId()));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.RECTIFICATION)
        .processInstanceBusinessKey(number).count()).isEqualTo(2);
    assertThat(s.instance).extracting(p -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(p.getId()).count()).isEqualTo(0L);

    RectificationCounts counts = service.countsOfEvaluation(s.instance.getId());
    assertThat(counts).isEqualTo(new RectificationCounts(3, 2, 0, 0, 1, 0));
  }

  @Test
  void theLoopDoneReturnedDoneClosesTheItemAndRecordsWhoDidWhat() {
    EvaluationScenario s = approved(DecisionNumbers.unique(), List.of("ACCEPT", "ACCEPT", "REJECT"));
    RectificationView item = service.itemsOfEvaluation(s.instance.getId()).get(0);

    // 无法完成 without a reason is refused on the server, and the task stays
    as("jyj", "exec-jyj");
    String taskId = implementTask(item).getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, report("已起草办法", "IMPOSSIBLE", null)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("无法完成时须说明原因");
    assertThat(implementTask(item)).isNotNull();

    engine.getFormService().submitTaskForm(taskId, report("已起草收费与补助办法（征求意见稿）", "DONE", null,
        file("征求意见稿.pdf", PDF)));
    RectificationItem reported = service.find(item.id()).orElseThrow();
    assertThat(reported.status()).isEqualTo(RectificationStatus.SUBMITTED);
    assertThat(reported.reportedBy()).isEqualTo("jyj");

    as("sifa", Groups.LEGAL_AFFAIRS);
    String review = reviewTask(item).getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(review, Map.of("rectificationReviewOutcome", "RETURN")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("退回时须写明");
    engine.getFormService().submitTaskForm(review, Map.of("rectificationReviewOutcome", "RETURN",
        "rectificationReviewRemark", "办法尚未印发，请印发后报告"));
    RectificationItem returned = service.find(item.id()).orElseThrow();
    assertThat(returned.status()).isEqualTo(RectificationStatus.RETURNED);
    assertThat(returned.returnCount()).isEqualTo(1);
    assertThat(returned.reviewedBy()).isEqualTo("sifa");
    Task again = implementTask(item);
    assertThat(again).as("back with the unit").isNotNull();
    assertThat(again.getDueDate()).as("the item's deadline stands").isEqualTo(beijing("2026-03-12", "17:30"));
    assertThat(engine.getTaskService().getVariable(again.getId(), "rectificationReviewRemark"))
        .isEqualTo("办法尚未印发，请印发后报告");

    as("jyj", "exec-jyj");
    // the file of the first report still counts: a second report needs no new one
    engine.getFormService().submitTaskForm(again.getId(), report("办法已印发", "DONE", null));
    as("sifa", Groups.LEGAL_AFFAIRS);
    engine.getFormService().submitTaskForm(reviewTask(item).getId(), Map.of("rectificationReviewOutcome", "ACCEPT"));
    RectificationItem closed = service.find(item.id()).orElseThrow();
    assertThat(closed.status()).isEqualTo(RectificationStatus.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.carriedOut()).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(item.rectificationProcessInstanceId()).count()).isZero();
    assertThat(service.countsOfEvaluation(s.instance.getId())).isEqualTo(new RectificationCounts(3, 1, 1, 0, 1, 1));
  }

  @Test
  void evidenceFilesAreCheckedStoredWithTheItemAndReadOnlyByThoseWhoMay() {
    EvaluationScenario s = approved(DecisionNumbers.unique(), List.of("ACCEPT", "ACCEPT", "REJECT"));
    RectificationView item = service.itemsOfEvaluation(s.instance.getId()).get(0);
    String taskId = implementTask(item).getId();
    as("jyj", "exec-jyj");

    // refused: 已完成 without a file; a renamed executable beside a good file; a type not accepted; a sixth slot
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, report("办法已印发", "DONE", null)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("已完成时须上传至少一份佐证材料文件");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, report("办法已印发", "DONE", null,
        file("印发通知.pdf", PDF), file("整改报告.pdf", "MZ\u0090\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("文件“整改报告.pdf”的内容与扩展名 .pdf 不符");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, report("办法已印发", "DONE", null,
        file("整改.exe", PDF)))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("类型不允许");
    VariableMap sixth = report("办法已印发", "DONE", null, file("印发通知.pdf", PDF));
    sixth.putValueTyped(RectificationVariables.EVIDENCE_FILE_PREFIX + 6, file("附件.pdf", PDF));
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, sixth))
        .hasMessageContaining("表单中没有“rectificationEvidenceFile6”一项");
    assertThat(storedEvidence(item.id())).as("a refused submission leaves no file behind").isZero();
    assertThat(service.find(item.id()).orElseThrow().status()).isEqualTo(RectificationStatus.OPEN);
    assertThat(implementTask(item).getId()).isEqualTo(taskId);

    // 部分完成 with two files: stored for the item, gone from the process variables, listed for the review
    engine.getFormService().submitTaskForm(taskId, report("已起草办法并征求意见", "PARTIAL", "尚需市政府常务会议审议",
        file("征求意见稿.pdf", PDF), file("座谈会现场.png", PNG)));
    assertThat(storedEvidence(item.id())).isEqualTo(2);
    String pid = item.rectificationProcessInstanceId();
    assertThat(engine.getRuntimeService().getVariable(pid, RectificationVariables.EVIDENCE_FILE_PREFIX + 1)).isNull();
    List<cn.jiyuan.decisionreview.evaluation.Material> listed = RectificationVariables.EVIDENCE_FILES.from(
        engine.getRuntimeService().getVariables(pid, List.of(RectificationVariables.EVIDENCE_FILES.name())));
    assertThat(listed).extracting(cn.jiyuan.decisionreview.evaluation.Material::fileName)
        .containsExactly("征求意见稿.pdf", "座谈会现场.png");
    assertThat(listed.get(0).uploadedBy()).isEqualTo("jyj");
    assertThat(listed.get(0).url()).isEqualTo("/api/rectifications/" + item.id() + "/evidence/" + listed.get(0).id());
    engine.getIdentityService().clearAuthentication();

    // legal-affairs reviews it and downloads a file (recorded); the unit reads its own; others are refused
    var sifa = cn.jiyuan.decisionreview.support.Http.basic(port, "sifa", "demo");
    var list = sifa.get("/api/rectifications/" + item.id() + "/evidence");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("fileName")).containsExactly("征求意见稿.pdf", "座谈会现场.png");
    var download = sifa.get(listed.get(0).url());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).isEqualTo(PDF);
    assertThat(download.header("Content-Disposition")).contains("filename*=UTF-8''");
    assertThat(jdbc.queryForList("SELECT target FROM dr_audit_record WHERE process_instance_id = ? AND action = ?",
        String.class, s.instance.getId(), "FILE_DOWNLOADED")).contains("征求意见稿.pdf");
    assertThat(cn.jiyuan.decisionreview.support.Http.basic(port, "jyj", "demo").get(listed.get(1).url()).bytes())
        .isEqualTo(PNG);
    for (String other : List.of("zjj", "fgw", "fenxi", "jigou")) {
      var refused = cn.jiyuan.decisionreview.support.Http.basic(port, other, "demo").get(listed.get(0).url());
      assertThat(refused.status()).as(other).isEqualTo(403);
      assertThat(refused.json().path("message").asText()).as(other).contains("无权查阅佐证材料");
    }
    assertThat(sifa.get("/api/rectifications/" + item.id() + "/evidence/nope").status()).isEqualTo(404);
    var unknown = sifa.get("/api/rectifications/nope/evidence");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).isEqualTo("整改事项不存在。");
    assertThat(cn.jiyuan.decisionreview.support.Http.anonymous(port).get(listed.get(0).url()).status()).isEqualTo(401);
  }

  /**
   * {@code GET /api/decisions/{n}} of a decision registered through tracking, requested, evaluated and approved with
   * recommendations: its evaluation's items with their status, for the read-all roles and the decision's executing
   * unit; another unit (even the one a recommendation went to) does not read the decision.
   */
  @Test
  void aTrackedDecisionListsItsEvaluationsItemsWithTheirStatus() {
    String number = DecisionNumbers.unique();
    var zhengfu = cn.jiyuan.decisionreview.support.Http.basic(port, "zhengfu", "demo");
    var registered = zhengfu.postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        Map.of("variables", Map.of("decisionNumber", Map.of("value", number),
            "decisionTitle", Map.of("value", "济源市中小学课后服务实施方案"), "decisionCategory", Map.of("value", "OTHER"),
            "broadImpact", Map.of("value", true), "implementationStart", Map.of("value", "2026-01-05"),
            "implementationEnd", Map.of("value", ""), "executingUnit", Map.of("value", "exec-jyj"),
            "superiorMandated", Map.of("value", false))));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    var requested = cn.jiyuan.decisionreview.support.Http.basic(port, "jyj", "demo").postJson(
        "/engine-rest/process-definition/key/evaluation-request/submit-form",
        Map.of("variables", Map.of("decisionNumber", Map.of("value", number),
            "requestReason", Map.of("value", "EXECUTOR_APPLICATION"),
            "requestDescription", Map.of("value", "课后服务收费争议较多，申请评估"))));
    assertThat(requested.status()).as(requested.body()).isEqualTo(200);
    Jobs.drain(engine, requested.json().get("id").asText());
    Jobs.drain(engine, number);
    var tracking = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.DECISION_TRACKING).processInstanceBusinessKey(number).singleResult();
    var evaluation = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId())
        .singleResult();
    assertThat(evaluation).as("the request started the evaluation").isNotNull();
    EvaluationScenario s = EvaluationScenario.of(engine, evaluation)
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values()), THREE).reviewDraft(null)
        .finalizeReport().authorityWithRecommendations("CONTINUE", List.of("ACCEPT", "加强师资，秋季前完成", "REJECT"));
    RectificationView first = service.itemsOfEvaluation(s.instance.getId()).get(0);
    as("jyj", "exec-jyj");
    engine.getFormService().submitTaskForm(implementTask(first).getId(), report("办法已印发", "DONE", null,
        file("印发通知.pdf", PDF)));
    as("sifa", Groups.LEGAL_AFFAIRS);
    engine.getFormService().submitTaskForm(reviewTask(first).getId(), Map.of("rectificationReviewOutcome", "ACCEPT"));
    engine.getIdentityService().clearAuthentication();

    String path = "/api/decisions/" + cn.jiyuan.decisionreview.support.Http.encode(number);
    for (String reader : List.of("sifa", "zhengfu", "ducha", "jyj")) {
      var decision = cn.jiyuan.decisionreview.support.Http.basic(port, reader, "demo").get(path);
      assertThat(decision.status()).as(reader + ": " + decision.body()).isEqualTo(200);
      var rectifications = decision.json().path("rectifications");
      assertThat(rectifications.size()).as(reader).isEqualTo(1);
      var one = rectifications.get(0);
      assertThat(one.path("evaluationProcessInstanceId").asText()).isEqualTo(s.instance.getId());
      assertThat(one.path("counts").path("recommendations").asInt()).isEqualTo(3);
      assertThat(one.path("counts").path("closed").asInt()).isEqualTo(1);
      assertThat(one.path("counts").path("open").asInt()).isEqualTo(1);
      assertThat(one.path("counts").path("rejected").asInt()).isEqualTo(1);
      assertThat(one.path("counts").path("carriedOut").asInt()).isEqualTo(1);
      assertThat(one.path("items").findValuesAsText("status")).containsExactly("CLOSED", "OPEN", "REJECTED");
      assertThat(one.path("items").findValuesAsText("statusLabel")).containsExactly("已办结", "待落实", "未采纳");
      assertThat(one.path("items").get(1).path("text").asText()).isEqualTo("加强师资，秋季前完成");
      assertThat(one.path("items").get(1).path("authorityDecision").asText()).isEqualTo("MODIFY");
      assertThat(one.path("items").get(2).path("responsibleUnit").asText()).isEqualTo("exec-zjj");
    }
    // zjj was named for the third (rejected) recommendation, but the decision is not its unit's: it reads nothing
    for (String other : List.of("zjj", "fgw", "jigou")) {
      var refused = cn.jiyuan.decisionreview.support.Http.basic(port, other, "demo").get(path);
      assertThat(refused.status()).as(other).isEqualTo(403);
      assertThat(refused.json().path("message").asText()).as(other).isEqualTo("该决策不属于本单位，无权查阅。");
      assertThat(refused.body()).as(other).doesNotContain("加强师资");
    }
  }

  @Test
  void theDeadlineWatchRemindsBeforeTheItemsDeadlineAndEscalatesWhenItIsOverdue() {
    EvaluationScenario s = approved(DecisionNumbers.unique(), List.of("ACCEPT", "REJECT", "REJECT"));
    RectificationView item = service.itemsOfEvaluation(s.instance.getId()).get(0);
    String taskId = implementTask(item).getId();

    scanAt("2026-03-09", "10:00");
    assertThat(kinds(taskId)).contains("REMINDER").doesNotContain("OVERDUE");
    assertThat(service.itemsOfEvaluation(s.instance.getId()).get(0).overdue()).isFalse();

    scanAt("2026-03-12", "18:00");
    assertThat(kinds(taskId)).contains("OVERDUE");
    assertThat(jdbc.queryForList("SELECT recipient FROM dr_notification WHERE task_id = ? AND kind = 'OVERDUE'",
        String.class, taskId)).contains("jyj", "ducha");
    assertThat(service.itemsOfEvaluation(s.instance.getId()).get(0).overdue()).isTrue();
    assertThat(service.itemsOfEvaluation(s.instance.getId()).get(0).statusLabel()).isEqualTo("待落实（已逾期）");
    assertThat(service.countsPerUnit(ClockUtil.getCurrentTime().toInstant()).get("exec-jyj").overdue()).isPositive();
  }

  @Test
  void theNextEvaluationOfTheDecisionStartsFromThePreviousItems() {
    String number = DecisionNumbers.unique();
    EvaluationScenario first = approved(number, List.of("ACCEPT", "加强师资，秋季前完成", "REJECT"));
    Jobs.drain(engine, first.instance.getId());
    EvaluationScenario next = EvaluationScenario.start(engine, number, "exec-jyj");
    List<PreviousRectification> previous = next.var(EvaluationVariables.PREVIOUS_RECTIFICATIONS);
    assertThat(previous).extracting(PreviousRectification::no, PreviousRectification::statusLabel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "待落实"), org.assertj.core.groups.Tuple.tuple(2, "待落实"),
            org.assertj.core.groups.Tuple.tuple(3, "未采纳"));
    assertThat(previous.get(1).text()).isEqualTo("加强师资，秋季前完成");
    assertThat(next.var(EvaluationVariables.PREVIOUS_RECTIFICATIONS_TEXT)).contains("完善课后服务收费与财政补助机制",
        "市教育局", "待落实");
  }

  @Covers({"第二十六条"})
  @Test
  void theItemsShowInTheEvaluationsApiTheSupervisionBoardAndTheAnnualAssessment() throws Exception {
    String number = DecisionNumbers.unique();
    var publish = org.camunda.bpm.engine.variable.Variables.createVariables().putValue("publishSummary", true)
        .putValue("publicSummary", "课后服务总体达到预期效果。").putValue("publishRectificationProgress", true);
    EvaluationScenario s = approved(number, List.of("ACCEPT", "ACCEPT", "REJECT"), publish);
    RectificationView first = service.itemsOfEvaluation(s.instance.getId()).get(0);
    as("jyj", "exec-jyj");
    engine.getFormService().submitTaskForm(implementTask(first).getId(), report("办法已印发", "DONE", null,
        file("济教〔2026〕15号.pdf", PDF)));
    as("sifa", Groups.LEGAL_AFFAIRS);
    engine.getFormService().submitTaskForm(reviewTask(first).getId(), Map.of("rectificationReviewOutcome", "ACCEPT"));
    engine.getIdentityService().clearAuthentication();

    var sifa = cn.jiyuan.decisionreview.support.Http.basic(port, "sifa", "demo");
    var items = sifa.get("/api/evaluations/" + s.instance.getId() + "/rectifications");
    assertThat(items.status()).isEqualTo(200);
    assertThat(items.json().path("counts").path("closed").asInt()).isEqualTo(1);
    assertThat(items.json().path("items").get(0).path("statusLabel").asText()).isEqualTo("已办结");
    assertThat(items.json().path("items").get(2).path("authorityDecisionLabel").asText()).isEqualTo("不采纳");
    var expert = cn.jiyuan.decisionreview.support.Http.basic(port, "zhuanjia1", "demo")
        .get("/api/evaluations/" + s.instance.getId() + "/rectifications");
    assertThat(expert.status()).isEqualTo(403);
    assertThat(expert.json().path("message").asText()).contains("无权查阅");

    var meta = sifa.get("/api/evaluations/" + s.instance.getId() + "/meta-evaluation").json();
    assertThat(meta.path("recommendations").path("carriedOut").asInt()).isEqualTo(1);
    assertThat(meta.path("recommendations").path("rejected").asInt()).isEqualTo(1);
    assertThat(meta.path("consultations").asInt()).isPositive();
    assertThat(meta.path("channelLabels").toString()).contains("座谈会");
    assertThat(meta.path("workingDaysTaken").asInt()).isGreaterThanOrEqualTo(0);

    com.fasterxml.jackson.databind.JsonNode published = null;
    for (var p : cn.jiyuan.decisionreview.support.Http.anonymous(port).get("/public/api/evaluations").json()) {
      if (number.equals(p.path("decisionNumber").asText())) {
        published = p;
      }
    }
    assertThat(published).as("the published summary").isNotNull();
    assertThat(published.path("rectification").path("text").asText())
        .isEqualTo("评估报告提出整改建议 3 条，决策机关采纳 2 条，已落实 1 条。");

    var board = cn.jiyuan.decisionreview.support.Http.basic(port, "ducha", "demo").get("/api/supervision/decisions")
        .json();
    com.fasterxml.jackson.databind.JsonNode row = null;
    for (var d : board.path("decisions")) {
      if (number.equals(d.path("decisionNumber").asText())) {
        row = d;
      }
    }
    // the evaluation was started directly (no tracking), so its decision is not in the register: the unit table counts it
    if (row != null) {
      assertThat(row.path("rectifications").path("closed").asInt()).isEqualTo(1);
    }
    assertThat(board.path("rectificationsByUnit").findValuesAsText("unit")).contains("exec-jyj", "exec-zjj");

    var assessment = sifa.get("/api/assessment/2026").json();
    com.fasterxml.jackson.databind.JsonNode jyj = null;
    for (var u : assessment.path("rectifications")) {
      if ("exec-jyj".equals(u.path("unit").asText())) {
        jyj = u;
      }
    }
    assertThat(jyj).as("exec-jyj in the assessment's rectification figures").isNotNull();
    assertThat(jyj.path("unitName").asText()).isEqualTo("市教育局");
    assertThat(jyj.path("closed").asInt()).isPositive();
    assertThat(jyj.path("carriedOut").asInt()).isPositive();
    assertThat(jyj.path("open").asInt()).isPositive();
    var fgw = cn.jiyuan.decisionreview.support.Http.basic(port, "fgw", "demo").get("/api/assessment/2026").json();
    assertThat(fgw.path("rectifications").findValuesAsText("unit")).doesNotContain("exec-jyj");
    var xlsx = sifa.get("/api/assessment/2026.xlsx");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
      assertThat(wb.getSheet("整改事项落实情况")).isNotNull();
    }
  }

  private void scanAt(String day, String time) {
    Date now = beijing(day, time);
    ClockUtil.setCurrentTime(now);
    watch.scan(now);
  }

  private List<String> kinds(String taskId) {
    return jdbc.queryForList("SELECT kind FROM dr_notification WHERE task_id = ?", String.class, taskId);
  }
}
