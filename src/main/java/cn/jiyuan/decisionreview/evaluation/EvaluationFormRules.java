package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;
import static cn.jiyuan.decisionreview.shared.FormValues.isBlank;
import static cn.jiyuan.decisionreview.shared.FormValues.text;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
      case TaskKeys.ANALYSIS -> {
        analysis(var, r);
        recommendations(var, context, r);
      }
      case TaskKeys.REVIEW_DRAFT -> r.require(isTrue(var, DRAFT_CONFIRMED), DRAFT_CONFIRMED.name(), "请确认已审阅报告初稿");
      case TaskKeys.SELECT_EXPERTS -> selectExperts(var, context, r);
      case TaskKeys.EXPERT_OPINION -> expertOpinion(var, r);
      case TaskKeys.FINALIZE_REPORT -> {
        required(var, r, FINAL_REPORT_NOTES, "定稿说明");
        recommendations(var, context, r);
        Object used = var.apply(BUDGET_USED.name());
        Double amount = FormValues.number(used);
        r.require(isBlank(used) || amount != null && amount >= 0 && amount <= MAX_BUDGET_YUAN, BUDGET_USED.name(),
            "实际使用经费须填写 0 至 1 亿元之间的金额（元）");
      }
      case TaskKeys.AUTHORITY_APPROVAL -> {
        authorityApproval(var, r);
        recommendationDecisions(var, r);
      }
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

    /** A group that may be made responsible for a recommendation: an executing unit or another staff group. */
    default boolean isResponsibleUnit(String groupId) {
      return groupId != null && (cn.jiyuan.decisionreview.shared.Groups.isExecutingUnit(groupId)
          || RESPONSIBLE_STAFF_GROUPS.contains(groupId));
    }
  }

  /** Groups besides the executing units that a recommendation may be addressed to (the form lists the same). */
  public static final List<String> RESPONSIBLE_STAFF_GROUPS = List.of(cn.jiyuan.decisionreview.shared.Groups.LEGAL_AFFAIRS,
      cn.jiyuan.decisionreview.shared.Groups.DECISION_AUTHORITY, cn.jiyuan.decisionreview.shared.Groups.SUPERVISION_OFFICE);

  /** The most recommendations one report carries, and the longest text of one (the forms say the same). */
  static final int MAX_RECOMMENDATIONS = 50;
  static final int MAX_RECOMMENDATION_TEXT = 2_000;

  /**
   * 整改建议 (Art. 16, 17): each recommendation has a text, a responsible unit, a kind and a deadline in working days.
   * An empty list is allowed: the report's 意见建议 text stays required, and a report may recommend nothing to rectify.
   */
  private static void recommendations(Function<String, Object> var, Context context, FormRefusal r) {
    List<Recommendation> items = list(var, RECOMMENDATION_ITEMS);
    String field = RECOMMENDATION_ITEMS.name();
    r.require(items.size() <= MAX_RECOMMENDATIONS, field, "整改建议最多 " + MAX_RECOMMENDATIONS + " 条");
    for (int i = 0; i < items.size(); i++) {
      Recommendation item = items.get(i) == null ? new Recommendation(null, null, null, null) : items.get(i);
      String n = "第" + (i + 1) + "条整改建议";
      r.require(!isBlank(item.text()), field, n + "缺少建议内容");
      r.require(codePoints(item.text()) <= MAX_RECOMMENDATION_TEXT, field,
          n + "的内容不能超过 " + MAX_RECOMMENDATION_TEXT + " 字");
      String unit = text(item.responsibleUnit());
      r.require(context.isResponsibleUnit(unit), field, unit == null ? n + "的责任单位须从列表中选择"
          : n + "的责任单位“" + unit + "”不是系统中的执行单位或可承担整改的单位，须从列表中选择");
      r.require(item.kindCode() != null, field,
          n + "的类别须为修改决策内容、完善配套制度、改进行政执法、改进行政管理或其他");
      r.require(item.workingDays() != null, field, n + "的整改期限须为 " + Recommendation.MIN_DAYS + " 至 "
          + Recommendation.MAX_DAYS + " 个工作日的整数");
    }
  }

  /** 决策机关审定: an approval decides every recommendation; a modified one needs its new text (Art. 16). */
  private static void recommendationDecisions(Function<String, Object> var, FormRefusal r) {
    if (code(var, REPORT_DECISION, ReviewDecision.class) != ReviewDecision.APPROVE) {
      return;
    }
    List<Recommendation> items = list(var, RECOMMENDATION_ITEMS);
    List<RecommendationDecision> decisions = list(var, RECOMMENDATION_DECISIONS);
    String field = RECOMMENDATION_DECISIONS.name();
    r.require(decisions.size() == items.size(), field,
        "请对评估报告的每一条整改建议作出采纳、修改后采纳或不采纳的决定（共 " + items.size() + " 条）");
    for (int i = 0; i < Math.min(items.size(), decisions.size()); i++) {
      RecommendationDecision d = decisions.get(i);
      AuthorityItemDecision code = d == null ? null : d.decisionCode();
      String n = "第" + (i + 1) + "条整改建议";
      r.require(code != null, field, n + "须选择采纳、修改后采纳或不采纳");
      if (code == AuthorityItemDecision.MODIFY) {
        r.require(!isBlank(d.modifiedText()), field, n + "修改后采纳时须填写修改后的内容");
        r.require(codePoints(d.modifiedText()) <= MAX_RECOMMENDATION_TEXT, field,
            n + "修改后的内容不能超过 " + MAX_RECOMMENDATION_TEXT + " 字");
      }
    }
    Object publish = var.apply(PUBLISH_RECTIFICATION_PROGRESS.name());
    r.require(FormValues.isBooleanOrBlank(publish), PUBLISH_RECTIFICATION_PROGRESS.name(),
        "“公开整改建议落实情况”只能勾选或不勾选");
  }

  private static void determineMethod(Function<String, Object> var, Context context, FormRefusal r) {
    r.require(code(var, EVALUATOR_TYPE, EvaluatorType.class) != null, EVALUATOR_TYPE.name(),
        "请选择自行评估或委托评估（第二十一条）");
    Procedure procedure = code(var, PROCEDURE_TYPE, Procedure.class);
    r.require(procedure != null, PROCEDURE_TYPE.name(), "请选择完整程序或简易程序");
    if (procedure == Procedure.SIMPLIFIED) {
      r.require(SIMPLIFIED_JUSTIFICATION.of(var) != null, SIMPLIFIED_JUSTIFICATION.name(),
          "采用简易程序须书面说明理由（第十五条）");
    }
    EvaluationScope scope = code(var, EVALUATION_SCOPE, EvaluationScope.class);
    r.require(scope != null, EVALUATION_SCOPE.name(), "请选择整体评估或部分评估（第九条）");
    if (scope == EvaluationScope.PARTIAL) {
      List<String> dims = list(var, DIMENSIONS_IN_SCOPE);
      r.require(!dims.isEmpty(), DIMENSIONS_IN_SCOPE.name(), "部分评估须至少选择一项第七条规定的评估内容");
      r.require(dims.stream().allMatch(d -> Dimension.fromCode(d).isPresent()), DIMENSIONS_IN_SCOPE.name(),
          "评估内容只能从第七条规定的六个方面中选择");
    }
    String unit = UNDERTAKING_UNIT.of(var);
    List<String> allowed = list(var, UNDERTAKING_UNIT_OPTIONS).stream().filter(Objects::nonNull)
        .map(o -> text(o.value())).toList();
    r.require(unit != null && (allowed.isEmpty() || allowed.contains(unit)), UNDERTAKING_UNIT.name(),
        "请从列表中选择承担评估具体工作的单位");
  }

  private static void selectAgency(Function<String, Object> var, Context context, FormRefusal r) {
    String agency = AGENCY_ID.of(var);
    r.require(agency != null && context.agencyExists(agency), AGENCY_ID.name(), "请从评估机构名录中选择受委托评估机构");
    r.require(COMMISSION_SCOPE.of(var) != null, COMMISSION_SCOPE.name(), "请填写委托范围（第二十一条第二款）");
    r.require(isTrue(var, NO_SUBCONTRACTING_DECLARED), NO_SUBCONTRACTING_DECLARED.name(),
        "受委托评估机构须承诺不擅自转包或变相转包委托事项（第二十一条第二款）");
    List<ExternalExpert> experts = list(var, EXTERNAL_EXPERTS);
    for (int i = 0; i < experts.size(); i++) {
      r.require(experts.get(i) != null && !isBlank(experts.get(i).name()), EXTERNAL_EXPERTS.name(),
          "第" + (i + 1) + "位外聘专家缺少姓名");
    }
  }

  private static void formTeam(Function<String, Object> var, FormRefusal r) {
    List<TeamMember> members = list(var, TEAM_MEMBERS);
    String field = TEAM_MEMBERS.name();
    r.require(!members.isEmpty(), field, "评估小组至少需要一名成员（第十一条第（一）项）");
    for (int i = 0; i < members.size(); i++) {
      TeamMember m = members.get(i) == null ? new TeamMember(null, null, null, null, null, null, null) : members.get(i);
      String who = isBlank(m.name()) ? "第" + (i + 1) + "位成员" : "成员“" + text(m.name()) + "”";
      r.require(!isBlank(m.name()), field, "第" + (i + 1) + "位成员缺少姓名");
      r.require(!isBlank(m.organisation()), field, who + "缺少单位");
      r.require(EvaluationCodes.TEAM_CATEGORIES.contains(text(m.category())), field,
          who + "的类别须为机关工作人员、人大代表、政协委员、法律专家、行业专家或其他");
      r.require(!isBlank(m.contact()), field, who + "缺少联系方式");
      r.require(m.declarationsAreYesOrNo(), field, who + "的独立性声明和利益冲突只能为是或否（true 或 false）");
      r.require(m.declaredIndependent(), field, who + "尚未作出独立性声明（第四条）");
      r.require(!m.declaredConflict(), field, who + "声明存在利益冲突，应当回避，不得列入评估小组（第四条）");
    }
  }

  private static void draftPlan(Function<String, Object> var, FormRefusal r) {
    required(var, r, PLAN_PURPOSE, "目的", PLAN_OBJECT_CONTENT, "对象与内容", PLAN_STANDARDS_METHODS, "标准与方法",
        PLAN_STEPS_SCHEDULE, "步骤与时间安排", PLAN_ORGANISATION, "组织保障");
    Double budget = PLAN_BUDGET.of(var);
    r.require(budget != null && budget >= 0 && budget <= MAX_BUDGET_YUAN, PLAN_BUDGET.name(),
        "经费预算须填写 0 至 1 亿元之间的金额（元）");
  }

  private static void decision(Function<String, Object> var, ProcessVariable<ReviewDecision> decisionVar,
      ProcessVariable<String> commentsVar, String message, FormRefusal r) {
    ReviewDecision decision = code(var, decisionVar, ReviewDecision.class);
    r.require(decision != null, decisionVar.name(), "请选择批准或退回");
    if (decision == ReviewDecision.RETURN) {
      r.require(commentsVar.of(var) != null, commentsVar.name(), message);
    }
  }

  private static void designSurvey(Function<String, Object> var, FormRefusal r) {
    required(var, r, SURVEY_OUTLINE, "调查提纲", QUESTIONNAIRE_TITLE, "问卷标题");
    Long days = QUESTIONNAIRE_DAYS.of(var);
    r.require(days != null && days >= 1 && days <= 90, QUESTIONNAIRE_DAYS.name(), "网上问卷征集期限须为 1 至 90 天");
    List<QuestionnaireItem> items = list(var, QUESTIONNAIRE_ITEMS);
    String field = QUESTIONNAIRE_ITEMS.name();
    r.require(!items.isEmpty(), field, "问卷至少需要一道题目");
    for (int i = 0; i < items.size(); i++) {
      QuestionnaireItem item = items.get(i) == null ? new QuestionnaireItem(null, null, null, null, null) : items.get(i);
      String n = "第" + (i + 1) + "题";
      r.require(!isBlank(item.question()), field, n + "缺少题目");
      QuestionType type = FormValues.code(item.type(), QuestionType.class);
      r.require(type != null, field, n + "题型无效");
      r.require(isBlank(item.question()) || item.question().length() <= 500, field, n + "的题目不能超过 500 字");
      if (type != null && type.isChoice()) {
        List<String> options = item.optionList();
        r.require(options.size() >= 2, field, n + "为选择题，至少需要两个选项（每行一个）");
        r.require(options.size() <= 20, field, n + "的选项不能超过 20 个");
        r.require(options.stream().allMatch(o -> o.length() <= 200), field, n + "的每个选项不能超过 200 字");
        r.require(options.stream().distinct().count() == options.size(), field, n + "的选项不能重复");
      }
      r.require(isBlank(item.dimension()) || Dimension.fromCode(item.dimension()).isPresent(), field,
          n + "的评估维度无效");
    }
    r.require(items.size() <= 50, field, "问卷最多 50 道题目");
  }

  private static void supplyMaterials(Function<String, Object> var, FormRefusal r) {
    required(var, r, IMPLEMENTATION_DATA, "实施情况数据", IMPLEMENTATION_PROBLEMS, "存在的问题",
        IMPLEMENTATION_RISKS, "存在的风险", IMPLEMENTATION_SUGGESTIONS, "意见建议");
  }

  private static void consultations(Function<String, Object> var, FormRefusal r) {
    List<Consultation> entries = list(var, CONSULTATIONS);
    String field = CONSULTATIONS.name();
    r.require(!entries.isEmpty(), field, "请至少记录一次征求意见或调查");
    Set<String> channels = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Consultation e = entries.get(i) == null ? new Consultation(null, null, null, null, null) : entries.get(i);
      String n = "第" + (i + 1) + "条记录";
      String channel = text(e.channel());
      r.require(EvaluationCodes.CHANNELS.containsKey(channel), field, n + "的方式无效");
      if (channel != null) {
        channels.add(channel);
      }
      r.require(e.day() != null, field, n + "缺少有效日期");
      Long participants = e.participantCount();
      r.require(participants != null && participants >= 0, field, n + "的参与人数须为不小于 0 的整数");
      if (e.opinionCount() != null) {
        Long count = e.opinionTotal();
        r.require(count != null && count >= 0, field, n + "的意见数须为不小于 0 的整数");
      }
      r.require(!isBlank(e.summary()), field, n + "缺少主要情况");
    }
    onlineSurveyAsAggregated(var, entries, r);
    if (code(var, PROCEDURE_TYPE, Procedure.class) == Procedure.SIMPLIFIED) {
      r.require(channels.stream().anyMatch(EvaluationCodes.SIMPLIFIED_CHANNELS::contains), field,
          "简易程序须至少采用座谈会、网上问卷调查、书面征求意见或论证会之一（第十五条）");
    } else {
      r.require(channels.size() >= 2, field, "完整程序须通过至少两种方式听取意见（第六条、第十二条第（二）项）");
    }
  }

  /**
   * Where the system ran the online questionnaire, its entry is the system's count of the answers: the team may add
   * channels but not edit, drop or duplicate that one (the figures feed the report and the quality gate).
   */
  private static void onlineSurveyAsAggregated(Function<String, Object> var, List<Consultation> entries,
      FormRefusal r) {
    if (isBlank(text(var.apply(SURVEY_ID.name())))) {
      return;
    }
    Integer responses = SURVEY_RESPONSE_COUNT.of(var);
    List<Consultation> online = entries.stream().filter(e -> e != null && "ONLINE_SURVEY".equals(e.channel())).toList();
    r.require(online.size() == 1 && responses != null
        && Long.valueOf(responses).equals(online.get(0).participantCount()),
        CONSULTATIONS.name(), "“网上问卷”一项由系统根据公众答卷自动汇总（共 " + (responses == null ? 0 : responses)
            + " 份答卷），不能修改、删除或重复添加");
  }

  private static void analysis(Function<String, Object> var, FormRefusal r) {
    for (Dimension d : dimensionsInScope(var)) {
      Long score = FormValues.wholeNumber(var.apply(d.scoreVariable()));
      r.require(score != null && score >= 0 && score <= 100, d.scoreVariable(),
          d.label() + "（" + d.article() + "）须评分，分值为 0 至 100 的整数");
      r.require(d.findings().of(var) != null, d.findingsVariable(), d.label() + "须填写评估发现");
    }
    required(var, r, IMPLEMENTATION_PERFORMANCE, "实施绩效分析", INSTITUTIONAL_DESIGN, "制度设计分析",
        PRELIMINARY_CONCLUSION, "初步结论", RECOMMENDATIONS, "意见建议");
    // Inputs of evaluationGrade: "maybe" must not silently count as "no".
    r.require(FormValues.isBooleanOrBlank(var.apply(SEVERE_ADVERSE_IMPACT.name())), SEVERE_ADVERSE_IMPACT.name(),
        "“决策实施造成恶劣影响或群体性事件”只能为是或否（true 或 false）");
    r.require(FormValues.isBooleanOrBlank(var.apply(LEGALITY_CONFLICT.name())), LEGALITY_CONFLICT.name(),
        "“与法律、法规、规章或上级政策不一致”只能为是或否（true 或 false）");
  }

  /** The Art. 7 dimensions in scope: all six for a whole evaluation (Art. 9). */
  public static List<Dimension> dimensionsInScope(Function<String, Object> var) {
    if (code(var, EVALUATION_SCOPE, EvaluationScope.class) != EvaluationScope.PARTIAL) {
      return List.of(Dimension.values());
    }
    Collection<String> codes = list(var, DIMENSIONS_IN_SCOPE);
    return Arrays.stream(Dimension.values()).filter(d -> codes.contains(d.name())).toList();
  }

  private static void selectExperts(Function<String, Object> var, Context context, FormRefusal r) {
    List<String> experts = list(var, SELECTED_EXPERTS);
    r.require(!experts.isEmpty(), SELECTED_EXPERTS.name(), "请至少选择一名评估专家库专家（第十三条第（二）项）");
    for (String expert : experts) {
      r.require(expert != null && context.isExpert(expert), SELECTED_EXPERTS.name(), "“" + expert + "”不是评估专家库成员");
    }
  }

  private static void expertOpinion(Function<String, Object> var, FormRefusal r) {
    ExpertConclusion conclusion = code(var, EXPERT_CONCLUSION, ExpertConclusion.class);
    r.require(conclusion != null, EXPERT_CONCLUSION.name(), "请选择同意或不同意报告结论");
    r.require(EXPERT_OPINION.of(var) != null, EXPERT_OPINION.name(), "请填写论证意见");
    if (conclusion == ExpertConclusion.DISAGREE) {
      r.require(DISSENT_REASON.of(var) != null, DISSENT_REASON.name(), "不同意报告结论时须说明理由，该意见将如实写入报告");
    }
  }

  private static void authorityApproval(Function<String, Object> var, FormRefusal r) {
    ReviewDecision decision = code(var, REPORT_DECISION, ReviewDecision.class);
    r.require(decision != null, REPORT_DECISION.name(), "请选择审定通过或退回修改");
    if (decision == ReviewDecision.APPROVE) {
      r.require(EvaluationCodes.OUTCOMES.containsKey(EVALUATION_OUTCOME.of(var)), EVALUATION_OUTCOME.name(),
          "审定通过时须决定继续执行、调整、重大调整、中止执行或终止执行（第十六条）");
      r.require(OUTCOME_REASONS.of(var) != null, OUTCOME_REASONS.name(), "请填写决定理由");
    } else if (decision == ReviewDecision.RETURN) {
      r.require(REPORT_RETURN_COMMENTS.of(var) != null, REPORT_RETURN_COMMENTS.name(), "退回修改时须填写退回意见");
    }
    // Art. 16 openness: only an approved report is published, and only with a summary the authority wrote for it.
    Object publish = var.apply(PUBLISH_SUMMARY.name());
    r.require(FormValues.isBooleanOrBlank(publish), PUBLISH_SUMMARY.name(), "“公开评估摘要”只能勾选或不勾选");
    if (Boolean.TRUE.equals(FormValues.bool(publish))) {
      r.require(decision == ReviewDecision.APPROVE, PUBLISH_SUMMARY.name(), "只有审定通过的评估报告才能公开评估摘要（第十六条）");
      String summary = text(var.apply(PUBLIC_SUMMARY.name()));
      r.require(summary != null, PUBLIC_SUMMARY.name(), "公开评估摘要时须填写公开的摘要");
      r.require(codePoints(summary) <= MAX_PUBLIC_TEXT, PUBLIC_SUMMARY.name(),
          "公开的摘要不能超过 " + MAX_PUBLIC_TEXT + " 字");
      r.require(codePoints(text(var.apply(PUBLIC_KEY_FINDINGS.name()))) <= MAX_PUBLIC_TEXT, PUBLIC_KEY_FINDINGS.name(),
          "主要评估发现不能超过 " + MAX_PUBLIC_TEXT + " 字");
    }
  }

  /** The longest published summary and key findings (authority-approval.form says the same). */
  static final int MAX_PUBLIC_TEXT = 2_000;

  private static int codePoints(String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }

  /** Pairs of a text variable and its label: each must be filled in. */
  private static void required(Function<String, Object> var, FormRefusal r, Object... variableAndLabel) {
    for (int i = 0; i < variableAndLabel.length; i += 2) {
      @SuppressWarnings("unchecked")
      ProcessVariable<String> variable = (ProcessVariable<String>) variableAndLabel[i];
      r.require(variable.of(var) != null, variable.name(), "请填写" + variableAndLabel[i + 1]);
    }
  }

  /** A code submitted for an enumerated variable, read strictly: anything but a constant's exact name is null. */
  private static <E extends Enum<E>> E code(Function<String, Object> var, ProcessVariable<E> variable, Class<E> type) {
    return FormValues.code(var.apply(variable.name()), type);
  }

  private static boolean isTrue(Function<String, Object> var, ProcessVariable<Boolean> variable) {
    return Boolean.TRUE.equals(variable.of(var));
  }

  /** A submitted list; empty when missing or not a list of the expected shape, which the rules then refuse. */
  private static <T> List<T> list(Function<String, Object> var, ProcessVariable<List<T>> variable) {
    try {
      List<T> items = variable.of(var);
      return items == null ? List.of() : items;
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
