package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.support.Jobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Drives one post-evaluation through the engine API with the values the forms would submit. */
public class EvaluationScenario {

  private final ProcessEngine engine;
  public final ProcessInstance instance;

  private EvaluationScenario(ProcessEngine engine, ProcessInstance instance) {
    this.engine = engine;
    this.instance = instance;
    drain();
  }

  /**
   * Runs the evaluation's machine work waiting behind an async boundary (notification, grading, reports, archive,
   * hand-back). Only this instance's jobs: a calling tracking's due timers are the tracking test's to fire.
   */
  public EvaluationScenario drain() {
    Jobs.drain(engine, instance.getId());
    return this;
  }

  public static EvaluationScenario start(ProcessEngine engine, String decisionNumber, String executingUnit) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("decisionNumber", decisionNumber);
    vars.put("decisionTitle", "济源市中小学课后服务实施方案");
    vars.put("executingUnit", executingUnit);
    vars.put("evaluationType", "EXECUTION");
    vars.put("legalBasis", "第十九条第一款");
    return new EvaluationScenario(engine, engine.getRuntimeService().startProcessInstanceByKey("post-evaluation", vars));
  }

  /** Drives an evaluation that was started elsewhere, e.g. by decision tracking. */
  public static EvaluationScenario of(ProcessEngine engine, ProcessInstance instance) {
    return new EvaluationScenario(engine, instance);
  }

  /** The shortest way to the authority's resolution: a simplified self-evaluation by the legal office. */
  public EvaluationScenario simplifiedUntilResolved(String outcome, String executingUnit) {
    determineMethod("SELF", "SIMPLIFIED", "legal-affairs", null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values())).reviewDraft(null).finalizeReport()
        .authority(outcome);
    if (!outcome.equals("CONTINUE")) {
      complete(TaskKeys.MITIGATION, Map.of("mitigationMeasures", "采取措施", "lossesAvoided", "减少损失", "remainingRisks", "无"));
    }
    if (outcome.equals("MAJOR_ADJUSTMENT")) {
      complete(TaskKeys.RE_DECISION, Map.of("reDecisionArrangement", "依法重新决策", "reDecisionResponsibleUnit", "市司法局"));
    }
    return this;
  }

  public static TypedValue json(Object value) {
    return SpinValues.jsonValue(FormValues.toJson(value)).create();
  }

  public Task task(String key) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("open task " + key).isNotEmpty();
    return tasks.get(0);
  }

  public List<Task> tasks(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  /** Submits the task's form, as Tasklist does (variables go through the task, so task-local ones are honoured). */
  public EvaluationScenario complete(String key, Map<String, Object> vars) {
    engine.getFormService().submitTaskForm(task(key).getId(), vars);
    return drain();
  }

  public Object var(String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  // --- the form submissions of a plausible evaluation ---

  public EvaluationScenario determineMethod(String evaluator, String procedure, String undertakingUnit, List<String> partialScope) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("evaluatorType", evaluator);
    v.put("procedureType", procedure);
    v.put("undertakingUnit", undertakingUnit);
    if (procedure.equals("SIMPLIFIED")) {
      v.put("simplifiedJustification", "决策实施情况单一，争议较小，按第十五条采用简易程序。");
    }
    v.put("evaluationScope", partialScope == null ? "WHOLE" : "PARTIAL");
    if (partialScope != null) {
      v.put("dimensionsInScope", json(partialScope));
    }
    return complete(TaskKeys.DETERMINE_METHOD, v);
  }

  public EvaluationScenario selectAgency(String agencyId) {
    return complete(TaskKeys.SELECT_AGENCY, Map.of("agencyId", agencyId, "commissionScope", "对课后服务实施情况进行整体评估",
        "noSubcontractingDeclared", true, "externalExperts", json(List.of(Map.of("name", "郑教授", "organisation", "河南大学", "field", "教育政策")))));
  }

  public EvaluationScenario formTeam() {
    return complete(TaskKeys.FORM_TEAM, Map.of("teamMembers", json(List.of(
        Map.of("name", "王明远", "organisation", "市司法局", "category", "机关工作人员", "contact", "0391-6600001",
            "independenceDeclared", true, "hasConflict", false),
        Map.of("name", "刘代表", "organisation", "市人大", "category", "人大代表", "contact", "13800000000",
            "independenceDeclared", true, "hasConflict", false)))));
  }

  public EvaluationScenario draftPlan() {
    return complete(TaskKeys.DRAFT_PLAN, Map.of("planPurpose", "全面了解课后服务实施效果", "planObjectContent", "课后服务覆盖率、满意度",
        "planStandardsMethods", "第七条六个方面，问卷与座谈", "planStepsSchedule", "准备两周，实施一个月，结论两周",
        "planBudget", 50000, "planOrganisation", "司法局牵头，教育局配合"));
  }

  public EvaluationScenario approvePlan(String decision) {
    return complete(TaskKeys.APPROVE_PLAN, decision.equals("APPROVE") ? Map.of("planDecision", "APPROVE")
        : Map.of("planDecision", "RETURN", "planReviewComments", "请补充经费测算依据"));
  }

  public EvaluationScenario designSurvey() {
    return complete(TaskKeys.DESIGN_SURVEY, Map.of("surveyOutline", "覆盖全市中小学", "questionnaireTitle", "课后服务满意度调查",
        "questionnaireDays", 30, "questionnaireItems", json(List.of(
            Map.of("question", "您对课后服务总体是否满意？", "type", "SCALE"),
            Map.of("question", "您的身份", "type", "SINGLE", "options", "学生家长\n教师\n其他")))));
  }

  public EvaluationScenario supplyMaterials(String key) {
    return complete(key, Map.of(
        "materialFile1", Variables.fileValue("实施情况报告.pdf").file("%PDF-1.4 test".getBytes()).mimeType("application/pdf").create(),
        "implementationData", "全市 120 所学校开展课后服务，参与学生 8.6 万人", "implementationProblems", "部分农村学校师资不足",
        "implementationRisks", "收费标准争议", "implementationSuggestions", "增加财政补助"));
  }

  public EvaluationScenario recordConsultations(String key, boolean twoChannels) {
    List<Map<String, Object>> entries = new java.util.ArrayList<>();
    entries.add(Map.of("channel", "SYMPOSIUM", "date", "2026-10-12", "participants", 25, "opinionCount", 18, "summary", "家长代表座谈"));
    if (twoChannels) {
      entries.add(Map.of("channel", "ONLINE_SURVEY", "date", "2026-10-20", "participants", 1200, "opinionCount", 356, "summary", "网上问卷"));
    }
    return complete(key, Map.of("consultations", json(entries)));
  }

  public EvaluationScenario analysis(String key, int score, List<Dimension> inScope) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (Dimension d : inScope) {
      v.put(d.scoreVariable(), score);
      v.put(d.findingsVariable(), d.label() + "的评估发现");
    }
    v.put("severeAdverseImpact", false);
    v.put("legalityConflict", false);
    v.put("implementationPerformance", "覆盖率达到 95%");
    v.put("institutionalDesign", "收费机制有待完善");
    v.put("preliminaryConclusion", "总体达到预期效果");
    v.put("recommendations", "完善收费与补助机制");
    return complete(key, v);
  }

  public EvaluationScenario reviewDraft(byte[] revisedDocx) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("draftConfirmed", true);
    v.put("draftReviewNotes", "已审阅");
    if (revisedDocx != null) {
      v.put("revisedReport", Variables.fileValue("修改稿.docx").file(revisedDocx)
          .mimeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").create());
    }
    return complete(TaskKeys.REVIEW_DRAFT, v);
  }

  public EvaluationScenario selectExperts(List<String> experts) {
    return complete(TaskKeys.SELECT_EXPERTS, Map.of("selectedExperts", json(experts)));
  }

  public EvaluationScenario expertOpinions() {
    for (Task t : tasks(TaskKeys.EXPERT_OPINION)) {
      boolean dissent = "zhuanjia2".equals(t.getAssignee());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("expertConclusion", dissent ? "DISAGREE" : "AGREE");
      v.put("expertOpinion", dissent ? "评分偏高" : "结论客观");
      if (dissent) {
        v.put("dissentReason", "农村学校满意度数据样本不足");
      }
      engine.getFormService().submitTaskForm(t.getId(), v);
    }
    return drain();
  }

  public EvaluationScenario finalizeReport() {
    return complete(TaskKeys.FINALIZE_REPORT, Map.of("finalReportNotes", "吸收专家意见后定稿"));
  }

  public EvaluationScenario authority(String outcome) {
    if (outcome == null) {
      return complete(TaskKeys.AUTHORITY_APPROVAL, Map.of("reportDecision", "RETURN", "reportReturnComments", "请补充农村学校数据"));
    }
    return complete(TaskKeys.AUTHORITY_APPROVAL, Map.of("reportDecision", "APPROVE", "evaluationOutcome", outcome,
        "outcomeReasons", "依据评估报告作出决定"));
  }

  public static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }
}
