package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationSubmissions.Assessment;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.support.Jobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
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
    VariableMap vars = Variables.createVariables();
    DECISION_NUMBER.putInto(vars, decisionNumber);
    DECISION_TITLE.putInto(vars, "济源市中小学课后服务实施方案");
    EXECUTING_UNIT.putInto(vars, executingUnit);
    EVALUATION_TYPE.putInto(vars, "EXECUTION");
    LEGAL_BASIS.putInto(vars, "第十九条第一款");
    return new EvaluationScenario(engine, engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.POST_EVALUATION, vars));
  }

  /** Drives an evaluation that was started elsewhere, e.g. by decision tracking. */
  public static EvaluationScenario of(ProcessEngine engine, ProcessInstance instance) {
    return new EvaluationScenario(engine, instance);
  }

  /** The shortest way to the authority's resolution: a simplified self-evaluation by the legal office. */
  public EvaluationScenario simplifiedUntilResolved(String outcome, String executingUnit) {
    determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values())).reviewDraft(null).finalizeReport()
        .authority(outcome);
    if (!outcome.equals("CONTINUE")) {
      complete(TaskKeys.MITIGATION, EvaluationSubmissions.mitigation("采取措施", "减少损失", "无"));
    }
    if (outcome.equals("MAJOR_ADJUSTMENT")) {
      complete(TaskKeys.RE_DECISION, EvaluationSubmissions.reDecision("依法重新决策", "市司法局"));
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

  /** A variable of the running evaluation, typed. */
  public <T> T var(ProcessVariable<T> variable) {
    return variable.from(engine.getRuntimeService().getVariables(instance.getId(), List.of(variable.name())));
  }

  // --- the form submissions of a plausible evaluation (built by EvaluationSubmissions, as the demo data's are) ---

  public EvaluationScenario determineMethod(EvaluatorType evaluator, Procedure procedure, String undertakingUnit,
      List<Dimension> partialScope) {
    return complete(TaskKeys.DETERMINE_METHOD, EvaluationSubmissions.determineMethod(evaluator, procedure,
        "决策实施情况单一，争议较小，按第十五条采用简易程序。", undertakingUnit, partialScope));
  }

  public EvaluationScenario selectAgency(String agencyId) {
    return complete(TaskKeys.SELECT_AGENCY, EvaluationSubmissions.selectAgency(agencyId, "对课后服务实施情况进行整体评估",
        List.of(new ExternalExpert("郑教授", "河南大学", "教育政策"))));
  }

  public EvaluationScenario formTeam() {
    return complete(TaskKeys.FORM_TEAM, EvaluationSubmissions.formTeam(List.of(
        TeamMember.independent("王明远", "市司法局", "机关工作人员", "0391-6600001"),
        TeamMember.independent("刘代表", "市人大", "人大代表", "13800000000"))));
  }

  public EvaluationScenario draftPlan() {
    return complete(TaskKeys.DRAFT_PLAN, EvaluationSubmissions.draftPlan("全面了解课后服务实施效果", "课后服务覆盖率、满意度",
        "第七条六个方面，问卷与座谈", "准备两周，实施一个月，结论两周", 50000, "司法局牵头，教育局配合"));
  }

  public EvaluationScenario approvePlan(ReviewDecision decision) {
    return complete(TaskKeys.APPROVE_PLAN, decision == ReviewDecision.APPROVE ? EvaluationSubmissions.approvePlan()
        : EvaluationSubmissions.returnPlan("请补充经费测算依据"));
  }

  public EvaluationScenario designSurvey() {
    return complete(TaskKeys.DESIGN_SURVEY, EvaluationSubmissions.designSurvey("覆盖全市中小学", "课后服务满意度调查", 30, List.of(
        QuestionnaireItem.of("您对课后服务总体是否满意？", QuestionType.SCALE),
        QuestionnaireItem.of("您的身份", QuestionType.SINGLE, "学生家长", "教师", "其他"))));
  }

  public EvaluationScenario supplyMaterials(String key) {
    return complete(key, EvaluationSubmissions.supplyMaterials(
        List.of(Variables.fileValue("实施情况报告.pdf").file("%PDF-1.4 test".getBytes()).mimeType("application/pdf").create()),
        "全市 120 所学校开展课后服务，参与学生 8.6 万人", "部分农村学校师资不足", "收费标准争议", "增加财政补助"));
  }

  /**
   * The team records its own channels next to the online questionnaire's entry, which the system made when the
   * survey closed (full procedure); a survey still open is ended early first, as staff would.
   */
  public EvaluationScenario recordConsultations(String key, boolean twoChannels) {
    closeSurveyEarly();
    List<Consultation> entries = new java.util.ArrayList<>();
    List<Consultation> recorded = var(EvaluationVariables.CONSULTATIONS);
    if (recorded != null) {
      entries.addAll(recorded);
    }
    entries.add(Consultation.of("SYMPOSIUM", LocalDate.of(2026, 10, 12), 25, 18, "家长代表座谈"));
    if (twoChannels && recorded == null) {
      entries.add(Consultation.of("FIELD_RESEARCH", LocalDate.of(2026, 10, 20), 12, 30, "实地调研"));
    }
    return complete(key, EvaluationSubmissions.recordConsultations(entries));
  }

  /** Staff end the online questionnaire before its window, if it is still taking answers; the results follow. */
  public EvaluationScenario closeSurveyEarly() {
    if (engine.getRuntimeService().createExecutionQuery().processInstanceId(instance.getId())
        .activityId(TaskKeys.COLLECT_SURVEY_RESPONSES).count() > 0) {
      engine.getRuntimeService().createMessageCorrelation(EvaluationMessages.SURVEY_CLOSED_EARLY)
          .processInstanceId(instance.getId()).correlate();
    }
    return drain();
  }

  public EvaluationScenario analysis(String key, int score, List<Dimension> inScope) {
    return complete(key, EvaluationSubmissions.analysis(
        inScope.stream().map(d -> new Assessment(d, score, d.label() + "的评估发现")).toList(), false, false,
        "覆盖率达到 95%", "收费机制有待完善", "总体达到预期效果", "完善收费与补助机制"));
  }

  /** 分析研判 with the report's recommendations as a list (Art. 16, 17). */
  public EvaluationScenario analysis(String key, int score, List<Dimension> inScope, List<Recommendation> items) {
    VariableMap v = EvaluationSubmissions.analysis(
        inScope.stream().map(d -> new Assessment(d, score, d.label() + "的评估发现")).toList(), false, false,
        "覆盖率达到 95%", "收费机制有待完善", "总体达到预期效果", "完善收费与补助机制");
    v.putValueTyped(RECOMMENDATION_ITEMS.name(), json(items));
    return complete(key, v);
  }

  /**
   * 决策机关审定 approved with one decision per prepared row ({@code ACCEPT}, {@code REJECT}, or any other text as
   * the modified recommendation).
   */
  public EvaluationScenario authorityWithRecommendations(String outcome, List<String> decisions) {
    return authorityWithRecommendations(outcome, decisions, Variables.createVariables());
  }

  /** The same with further fields of the approval form (e.g. the published summary). */
  public EvaluationScenario authorityWithRecommendations(String outcome, List<String> decisions, VariableMap extra) {
    List<RecommendationDecision> rows = var(RECOMMENDATION_DECISIONS);
    List<RecommendationDecision> decided = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RecommendationDecision r = rows.get(i);
      String d = decisions.get(i);
      boolean plain = d.equals("ACCEPT") || d.equals("REJECT");
      decided.add(new RecommendationDecision(r.no(), r.text(), r.unitName(), r.kindLabel(), r.deadlineWorkingDays(),
          plain ? d : "MODIFY", plain ? null : d));
    }
    VariableMap v = EvaluationSubmissions.approveReport(outcome, "依据评估报告作出决定");
    v.putValueTyped(RECOMMENDATION_DECISIONS.name(), json(decided));
    v.putAll(extra);
    return complete(TaskKeys.AUTHORITY_APPROVAL, v);
  }

  public EvaluationScenario reviewDraft(byte[] revisedDocx) {
    return complete(TaskKeys.REVIEW_DRAFT, EvaluationSubmissions.reviewDraft("已审阅", revisedDocx == null ? null
        : Variables.fileValue("修改稿.docx").file(revisedDocx)
            .mimeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").create()));
  }

  public EvaluationScenario selectExperts(List<String> experts) {
    return complete(TaskKeys.SELECT_EXPERTS, EvaluationSubmissions.selectExperts(experts));
  }

  /** Each expert's opinion; zhuanjia2 dissents. */
  public EvaluationScenario expertOpinions() {
    for (Task t : tasks(TaskKeys.EXPERT_OPINION)) {
      boolean dissent = "zhuanjia2".equals(t.getAssignee());
      engine.getFormService().submitTaskForm(t.getId(), dissent
          ? EvaluationSubmissions.expertOpinion(ExpertConclusion.DISAGREE, "评分偏高", "农村学校满意度数据样本不足")
          : EvaluationSubmissions.expertOpinion(ExpertConclusion.AGREE, "结论客观", null));
    }
    return drain();
  }

  public EvaluationScenario finalizeReport() {
    if (var(EvaluationVariables.SURVEY_ID) != null) {
      return complete(TaskKeys.FINALIZE_REPORT, EvaluationSubmissions.finalizeReport("吸收专家意见后定稿",
          "问卷征集期内答卷较少，已通过座谈会和实地调研补充听取意见"));
    }
    return complete(TaskKeys.FINALIZE_REPORT, EvaluationSubmissions.finalizeReport("吸收专家意见后定稿"));
  }

  /** The authority's resolution: approved with the outcome, or returned when {@code outcome} is null. */
  public EvaluationScenario authority(String outcome) {
    if (outcome == null) {
      return complete(TaskKeys.AUTHORITY_APPROVAL, EvaluationSubmissions.returnReport("请补充农村学校数据"));
    }
    return complete(TaskKeys.AUTHORITY_APPROVAL, EvaluationSubmissions.approveReport(outcome, "依据评估报告作出决定"));
  }

  public static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }
}
