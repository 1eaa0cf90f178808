package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;
import static cn.jiyuan.decisionreview.shared.FormValues.isBlank;
import static cn.jiyuan.decisionreview.shared.FormValues.isTrue;
import static cn.jiyuan.decisionreview.shared.FormValues.text;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The server-side twin of every form rule of post-evaluation (DESIGN.md §6): the same rules the forms
 * state in their descriptions, checked again so the REST API cannot bypass them. Pure: it sees the
 * submitted variables as a lookup function and returns the broken rules.
 */
public class EvaluationFormRules {

  static final int MAX_BUDGET_YUAN = 100_000_000;

  /**
   * Checks the submission of a task; {@code ruleSet} is the task's {@code formRules} property (the full path's task
   * key, {@link TaskKeys#ruleSet}), {@code var} reads a variable visible to the task.
   */
  public FormRefusal check(String ruleSet, Function<String, Object> var, Context context) {
    FormRefusal r = new FormRefusal();
    switch (ruleSet) {
      case TaskKeys.DETERMINE_METHOD -> determineMethod(var, context, r);
      case TaskKeys.SELECT_AGENCY -> selectAgency(var, context, r);
      case TaskKeys.FORM_TEAM -> formTeam(var, r);
      case TaskKeys.DRAFT_PLAN -> draftPlan(var, r);
      case TaskKeys.APPROVE_PLAN -> decision(var, PLAN_DECISION, PLAN_REVIEW_COMMENTS, "退回评估方案时须填写修改意见", r);
      case TaskKeys.DESIGN_SURVEY -> designSurvey(var, r);
      case TaskKeys.SUPPLY_MATERIALS -> supplyMaterials(var, r);
      case TaskKeys.RECORD_CONSULTATIONS -> consultations(var, r);
      case TaskKeys.ANALYSIS -> analysis(var, r);
      case TaskKeys.REVIEW_DRAFT -> r.require(isTrue(var.apply(DRAFT_CONFIRMED)), DRAFT_CONFIRMED, "请确认已审阅报告初稿");
      case TaskKeys.SELECT_EXPERTS -> selectExperts(var, context, r);
      case TaskKeys.EXPERT_OPINION -> expertOpinion(var, r);
      case TaskKeys.FINALIZE_REPORT -> required(var, r, FINAL_REPORT_NOTES, "定稿说明");
      case TaskKeys.AUTHORITY_APPROVAL -> authorityApproval(var, r);
      case TaskKeys.MITIGATION -> required(var, r, MITIGATION_MEASURES, "采取的措施", LOSSES_AVOIDED,
          "避免或减少的经济损失和不良社会影响", REMAINING_RISKS, "尚存风险及应对安排");
      case TaskKeys.RE_DECISION -> required(var, r, RE_DECISION_ARRANGEMENT, "重新决策程序安排",
          RE_DECISION_RESPONSIBLE_UNIT, "承办单位");
      default -> { }
    }
    return r;
  }

  /** What the rules need beyond the submission: the register and the directory. */
  public interface Context {
    boolean agencyExists(String agencyId);

    boolean isExpert(String userId);
  }

  private static void determineMethod(Function<String, Object> var, Context context, FormRefusal r) {
    Object evaluator = var.apply(EVALUATOR_TYPE);
    r.require(EvaluationCodes.EVALUATOR_TYPES.containsKey(text(evaluator)), EVALUATOR_TYPE,
        "请选择自行评估或委托评估（第二十一条）");
    Object procedure = var.apply(PROCEDURE_TYPE);
    r.require(EvaluationCodes.PROCEDURES.containsKey(text(procedure)), PROCEDURE_TYPE, "请选择完整程序或简易程序");
    if ("SIMPLIFIED".equals(text(procedure))) {
      r.require(!isBlank(var.apply(SIMPLIFIED_JUSTIFICATION)), SIMPLIFIED_JUSTIFICATION,
          "采用简易程序须书面说明理由（第十五条）");
    }
    String scope = text(var.apply(EVALUATION_SCOPE));
    r.require(EvaluationCodes.SCOPES.containsKey(scope), EVALUATION_SCOPE, "请选择整体评估或部分评估（第九条）");
    if ("PARTIAL".equals(scope)) {
      List<String> dims = safeStrings(var.apply(DIMENSIONS_IN_SCOPE));
      r.require(!dims.isEmpty(), DIMENSIONS_IN_SCOPE, "部分评估须至少选择一项第七条规定的评估内容");
      r.require(dims.stream().allMatch(d -> Dimension.fromCode(d).isPresent()), DIMENSIONS_IN_SCOPE,
          "评估内容只能从第七条规定的六个方面中选择");
    }
    String unit = text(var.apply(UNDERTAKING_UNIT));
    List<String> allowed = safeObjects(var.apply(UNDERTAKING_UNIT_OPTIONS)).stream()
        .map(o -> text(o.get("value"))).toList();
    r.require(unit != null && (allowed.isEmpty() || allowed.contains(unit)), UNDERTAKING_UNIT,
        "请从列表中选择承担评估具体工作的单位");
  }

  private static void selectAgency(Function<String, Object> var, Context context, FormRefusal r) {
    String agency = text(var.apply(AGENCY_ID));
    r.require(agency != null && context.agencyExists(agency), AGENCY_ID, "请从评估机构名录中选择受委托评估机构");
    r.require(!isBlank(var.apply(COMMISSION_SCOPE)), COMMISSION_SCOPE, "请填写委托范围（第二十一条第二款）");
    r.require(isTrue(var.apply(NO_SUBCONTRACTING_DECLARED)), NO_SUBCONTRACTING_DECLARED,
        "受委托评估机构须承诺不擅自转包或变相转包委托事项（第二十一条第二款）");
    List<Map<String, Object>> experts = safeObjects(var.apply(EXTERNAL_EXPERTS));
    for (int i = 0; i < experts.size(); i++) {
      r.require(!isBlank(experts.get(i).get("name")), EXTERNAL_EXPERTS, "第" + (i + 1) + "位外聘专家缺少姓名");
    }
  }

  private static void formTeam(Function<String, Object> var, FormRefusal r) {
    List<Map<String, Object>> members = safeObjects(var.apply(TEAM_MEMBERS));
    r.require(!members.isEmpty(), TEAM_MEMBERS, "评估小组至少需要一名成员（第十一条第（一）项）");
    for (int i = 0; i < members.size(); i++) {
      Map<String, Object> m = members.get(i);
      String who = isBlank(m.get("name")) ? "第" + (i + 1) + "位成员" : "成员“" + text(m.get("name")) + "”";
      r.require(!isBlank(m.get("name")), TEAM_MEMBERS, "第" + (i + 1) + "位成员缺少姓名");
      r.require(!isBlank(m.get("organisation")), TEAM_MEMBERS, who + "缺少单位");
      r.require(EvaluationCodes.TEAM_CATEGORIES.contains(text(m.get("category"))), TEAM_MEMBERS,
          who + "的类别须为机关工作人员、人大代表、政协委员、法律专家、行业专家或其他");
      r.require(!isBlank(m.get("contact")), TEAM_MEMBERS, who + "缺少联系方式");
      r.require(FormValues.isBooleanOrBlank(m.get("independenceDeclared")) && FormValues.isBooleanOrBlank(m.get("hasConflict")),
          TEAM_MEMBERS, who + "的独立性声明和利益冲突只能为是或否（true 或 false）");
      r.require(isTrue(m.get("independenceDeclared")), TEAM_MEMBERS, who + "尚未作出独立性声明（第四条）");
      r.require(!isTrue(m.get("hasConflict")), TEAM_MEMBERS, who + "声明存在利益冲突，应当回避，不得列入评估小组（第四条）");
    }
  }

  private static void draftPlan(Function<String, Object> var, FormRefusal r) {
    required(var, r, PLAN_PURPOSE, "目的", PLAN_OBJECT_CONTENT, "对象与内容", PLAN_STANDARDS_METHODS, "标准与方法",
        PLAN_STEPS_SCHEDULE, "步骤与时间安排", PLAN_ORGANISATION, "组织保障");
    Double budget = FormValues.number(var.apply(PLAN_BUDGET));
    r.require(budget != null && budget >= 0 && budget <= MAX_BUDGET_YUAN, PLAN_BUDGET,
        "经费预算须填写 0 至 1 亿元之间的金额（元）");
  }

  private static void decision(Function<String, Object> var, String decisionVar, String commentsVar, String message,
      FormRefusal r) {
    String decision = text(var.apply(decisionVar));
    r.require(EvaluationCodes.DECISIONS.containsKey(decision), decisionVar, "请选择批准或退回");
    if ("RETURN".equals(decision)) {
      r.require(!isBlank(var.apply(commentsVar)), commentsVar, message);
    }
  }

  private static void designSurvey(Function<String, Object> var, FormRefusal r) {
    required(var, r, SURVEY_OUTLINE, "调查提纲", QUESTIONNAIRE_TITLE, "问卷标题");
    Long days = FormValues.wholeNumber(var.apply(QUESTIONNAIRE_DAYS));
    r.require(days != null && days >= 1 && days <= 90, QUESTIONNAIRE_DAYS, "网上问卷征集期限须为 1 至 90 天");
    List<Map<String, Object>> items = safeObjects(var.apply(QUESTIONNAIRE_ITEMS));
    r.require(!items.isEmpty(), QUESTIONNAIRE_ITEMS, "问卷至少需要一道题目");
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      String n = "第" + (i + 1) + "题";
      r.require(!isBlank(item.get("question")), QUESTIONNAIRE_ITEMS, n + "缺少题目");
      String type = text(item.get("type"));
      r.require(EvaluationCodes.QUESTION_TYPES.containsKey(type), QUESTIONNAIRE_ITEMS, n + "题型无效");
      if ("SINGLE".equals(type) || "MULTIPLE".equals(type)) {
        r.require(options(item.get("options")).size() >= 2, QUESTIONNAIRE_ITEMS, n + "为选择题，至少需要两个选项（每行一个）");
      }
    }
  }

  /** Choice options are typed one per line. */
  public static List<String> options(Object raw) {
    String s = text(raw);
    if (s == null) {
      return List.of();
    }
    return Arrays.stream(s.split("[\\r\\n]+")).map(String::trim).filter(o -> !o.isEmpty()).toList();
  }

  private static void supplyMaterials(Function<String, Object> var, FormRefusal r) {
    required(var, r, IMPLEMENTATION_DATA, "实施情况数据", IMPLEMENTATION_PROBLEMS, "存在的问题",
        IMPLEMENTATION_RISKS, "存在的风险", IMPLEMENTATION_SUGGESTIONS, "意见建议");
  }

  private static void consultations(Function<String, Object> var, FormRefusal r) {
    List<Map<String, Object>> entries = safeObjects(var.apply(CONSULTATIONS));
    r.require(!entries.isEmpty(), CONSULTATIONS, "请至少记录一次征求意见或调查");
    Set<String> channels = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> e = entries.get(i);
      String n = "第" + (i + 1) + "条记录";
      String channel = text(e.get("channel"));
      r.require(EvaluationCodes.CHANNELS.containsKey(channel), CONSULTATIONS, n + "的方式无效");
      if (channel != null) {
        channels.add(channel);
      }
      LocalDate date = FormValues.date(e.get("date"));
      r.require(date != null, CONSULTATIONS, n + "缺少有效日期");
      Long participants = FormValues.wholeNumber(e.get("participants"));
      r.require(participants != null && participants >= 0, CONSULTATIONS, n + "的参与人数须为不小于 0 的整数");
      Object opinions = e.get("opinionCount");
      if (opinions != null) {
        Long count = FormValues.wholeNumber(opinions);
        r.require(count != null && count >= 0, CONSULTATIONS, n + "的意见数须为不小于 0 的整数");
      }
      r.require(!isBlank(e.get("summary")), CONSULTATIONS, n + "缺少主要情况");
    }
    if ("SIMPLIFIED".equals(text(var.apply(PROCEDURE_TYPE)))) {
      r.require(channels.stream().anyMatch(EvaluationCodes.SIMPLIFIED_CHANNELS::contains), CONSULTATIONS,
          "简易程序须至少采用座谈会、网上问卷调查、书面征求意见或论证会之一（第十五条）");
    } else {
      r.require(channels.size() >= 2, CONSULTATIONS, "完整程序须通过至少两种方式听取意见（第六条、第十二条第（二）项）");
    }
  }

  private static void analysis(Function<String, Object> var, FormRefusal r) {
    for (Dimension d : dimensionsInScope(var)) {
      Long score = FormValues.wholeNumber(var.apply(d.scoreVariable()));
      r.require(score != null && score >= 0 && score <= 100, d.scoreVariable(),
          d.label() + "（" + d.article() + "）须评分，分值为 0 至 100 的整数");
      r.require(!isBlank(var.apply(d.findingsVariable())), d.findingsVariable(), d.label() + "须填写评估发现");
    }
    required(var, r, IMPLEMENTATION_PERFORMANCE, "实施绩效分析", INSTITUTIONAL_DESIGN, "制度设计分析",
        PRELIMINARY_CONCLUSION, "初步结论", RECOMMENDATIONS, "意见建议");
    // Inputs of evaluationGrade: "maybe" must not silently count as "no".
    r.require(FormValues.isBooleanOrBlank(var.apply(SEVERE_ADVERSE_IMPACT)), SEVERE_ADVERSE_IMPACT,
        "“决策实施造成恶劣影响或群体性事件”只能为是或否（true 或 false）");
    r.require(FormValues.isBooleanOrBlank(var.apply(LEGALITY_CONFLICT)), LEGALITY_CONFLICT,
        "“与法律、法规、规章或上级政策不一致”只能为是或否（true 或 false）");
  }

  /** The Art. 7 dimensions in scope: all six for a whole evaluation (Art. 9). */
  public static List<Dimension> dimensionsInScope(Function<String, Object> var) {
    if (!"PARTIAL".equals(text(var.apply(EVALUATION_SCOPE)))) {
      return List.of(Dimension.values());
    }
    Collection<String> codes = safeStrings(var.apply(DIMENSIONS_IN_SCOPE));
    return Arrays.stream(Dimension.values()).filter(d -> codes.contains(d.name())).toList();
  }

  private static void selectExperts(Function<String, Object> var, Context context, FormRefusal r) {
    List<String> experts = safeStrings(var.apply(SELECTED_EXPERTS));
    r.require(!experts.isEmpty(), SELECTED_EXPERTS, "请至少选择一名评估专家库专家（第十三条第（二）项）");
    for (String expert : experts) {
      r.require(context.isExpert(expert), SELECTED_EXPERTS, "“" + expert + "”不是评估专家库成员");
    }
  }

  private static void expertOpinion(Function<String, Object> var, FormRefusal r) {
    String conclusion = text(var.apply(EXPERT_CONCLUSION));
    r.require(EvaluationCodes.EXPERT_CONCLUSIONS.containsKey(conclusion), EXPERT_CONCLUSION, "请选择同意或不同意报告结论");
    r.require(!isBlank(var.apply(EXPERT_OPINION)), EXPERT_OPINION, "请填写论证意见");
    if ("DISAGREE".equals(conclusion)) {
      r.require(!isBlank(var.apply(DISSENT_REASON)), DISSENT_REASON, "不同意报告结论时须说明理由，该意见将如实写入报告");
    }
  }

  private static void authorityApproval(Function<String, Object> var, FormRefusal r) {
    String decision = text(var.apply(REPORT_DECISION));
    r.require(EvaluationCodes.DECISIONS.containsKey(decision), REPORT_DECISION, "请选择审定通过或退回修改");
    if ("APPROVE".equals(decision)) {
      r.require(EvaluationCodes.OUTCOMES.containsKey(text(var.apply(EVALUATION_OUTCOME))), EVALUATION_OUTCOME,
          "审定通过时须决定继续执行、调整、重大调整、中止执行或终止执行（第十六条）");
      r.require(!isBlank(var.apply(OUTCOME_REASONS)), OUTCOME_REASONS, "请填写决定理由");
    } else if ("RETURN".equals(decision)) {
      r.require(!isBlank(var.apply(REPORT_RETURN_COMMENTS)), REPORT_RETURN_COMMENTS, "退回修改时须填写退回意见");
    }
  }

  private static void required(Function<String, Object> var, FormRefusal r, String... nameAndLabel) {
    for (int i = 0; i < nameAndLabel.length; i += 2) {
      r.require(!isBlank(var.apply(nameAndLabel[i])), nameAndLabel[i], "请填写" + nameAndLabel[i + 1]);
    }
  }

  private static List<Map<String, Object>> safeObjects(Object value) {
    try {
      return FormValues.objectList(value);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static List<String> safeStrings(Object value) {
    try {
      return FormValues.stringList(value);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }
}
