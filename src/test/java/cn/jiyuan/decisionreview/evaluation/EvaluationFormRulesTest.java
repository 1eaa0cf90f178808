package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.form.FormRefusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-side form rules of post-evaluation, without an engine. */
class EvaluationFormRulesTest {

  private final EvaluationFormRules rules = new EvaluationFormRules();
  private final EvaluationFormRules.Context context = new EvaluationFormRules.Context() {
    @Override
    public boolean agencyExists(String agencyId) {
      return agencyId.equals("demo");
    }

    @Override
    public boolean isExpert(String userId) {
      return userId.startsWith("zhuanjia");
    }
  };

  private List<String> check(String task, Map<String, Object> vars) {
    FormRefusal r = rules.check(task, vars::get, context);
    return r.problems();
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void article9PartialScopeNeedsAtLeastOneValidDimension() {
    Map<String, Object> v = map(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF", EvaluationVariables.PROCEDURE_TYPE.name(), "FULL", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs",
        EvaluationVariables.EVALUATION_SCOPE.name(), "PARTIAL", EvaluationVariables.DIMENSIONS_IN_SCOPE.name(), "[]");
    assertThat(check(TaskKeys.DETERMINE_METHOD, v)).anyMatch(p -> p.contains("至少选择一项"));
    v.put(EvaluationVariables.DIMENSIONS_IN_SCOPE.name(), "[\"LEGALITY\",\"NONSENSE\"]");
    assertThat(check(TaskKeys.DETERMINE_METHOD, v)).anyMatch(p -> p.contains("六个方面"));
    v.put(EvaluationVariables.DIMENSIONS_IN_SCOPE.name(), "[\"LEGALITY\"]");
    assertThat(check(TaskKeys.DETERMINE_METHOD, v)).isEmpty();
  }

  @Test
  void article15SimplifiedProcedureNeedsAJustification() {
    Map<String, Object> v = map(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF", EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs",
        EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE");
    assertThat(check(TaskKeys.DETERMINE_METHOD, v)).containsExactly("采用简易程序须书面说明理由（第十五条）");
  }

  @Test
  void article21UndertakingUnitMustBeOneOfTheOffered() {
    Map<String, Object> v = map(EvaluationVariables.EVALUATOR_TYPE.name(), "SELF", EvaluationVariables.PROCEDURE_TYPE.name(), "FULL", EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE",
        EvaluationVariables.UNDERTAKING_UNIT.name(), "exec-other", EvaluationVariables.UNDERTAKING_UNIT_OPTIONS.name(), "[{\"label\":\"市司法局\",\"value\":\"legal-affairs\"}]");
    assertThat(check(TaskKeys.DETERMINE_METHOD, v)).anyMatch(p -> p.contains("承担评估具体工作的单位"));
  }

  @Test
  void article21AgencyMustBeRegisteredAndPromiseNotToSubcontract() {
    assertThat(check(TaskKeys.SELECT_AGENCY, map(EvaluationVariables.AGENCY_ID.name(), "unknown", EvaluationVariables.COMMISSION_SCOPE.name(), "x", EvaluationVariables.NO_SUBCONTRACTING_DECLARED.name(), false)))
        .anyMatch(p -> p.contains("名录")).anyMatch(p -> p.contains("转包"));
    assertThat(check(TaskKeys.SELECT_AGENCY, map(EvaluationVariables.AGENCY_ID.name(), "demo", EvaluationVariables.COMMISSION_SCOPE.name(), "x", EvaluationVariables.NO_SUBCONTRACTING_DECLARED.name(), true))).isEmpty();
  }

  @Test
  void article4MembersDeclareIndependenceAndConflictedMembersStandDown() {
    String team = "[{\"name\":\"甲\",\"organisation\":\"乙\",\"category\":\"法律专家\",\"contact\":\"1\",\"independenceDeclared\":false}]";
    assertThat(check(TaskKeys.FORM_TEAM, map(EvaluationVariables.TEAM_MEMBERS.name(), team))).anyMatch(p -> p.contains("独立性声明"));
    assertThat(check(TaskKeys.FORM_TEAM, map(EvaluationVariables.TEAM_MEMBERS.name(), "[]"))).anyMatch(p -> p.contains("至少需要一名成员"));
    String wrongCategory = team.replace("法律专家", "记者").replace("false", "true");
    assertThat(check(TaskKeys.FORM_TEAM, map(EvaluationVariables.TEAM_MEMBERS.name(), wrongCategory))).anyMatch(p -> p.contains("类别"));
    // "maybe" is not "no conflict"
    String declared = team.replace("false", "true");
    assertThat(check(TaskKeys.FORM_TEAM, map(EvaluationVariables.TEAM_MEMBERS.name(), declared))).isEmpty();
    String maybe = declared.replace("}]", ",\"hasConflict\":\"maybe\"}]");
    assertThat(check(TaskKeys.FORM_TEAM, map(EvaluationVariables.TEAM_MEMBERS.name(), maybe))).containsExactly("成员“甲”的独立性声明和利益冲突只能为是或否（true 或 false）");
  }

  @Test
  void article11PlanBudgetIsANonNegativeAmount() {
    Map<String, Object> v = map(EvaluationVariables.PLAN_PURPOSE.name(), "a", EvaluationVariables.PLAN_OBJECT_CONTENT.name(), "b", EvaluationVariables.PLAN_STANDARDS_METHODS.name(), "c",
        EvaluationVariables.PLAN_STEPS_SCHEDULE.name(), "d", EvaluationVariables.PLAN_ORGANISATION.name(), "e", EvaluationVariables.PLAN_BUDGET.name(), -1);
    assertThat(check(TaskKeys.DRAFT_PLAN, v)).anyMatch(p -> p.contains("经费预算"));
    v.put(EvaluationVariables.PLAN_BUDGET.name(), 12000.5);
    assertThat(check(TaskKeys.DRAFT_PLAN, v)).isEmpty();
  }

  @Test
  void article11ReturnedPlanNeedsComments() {
    assertThat(check(TaskKeys.APPROVE_PLAN, map(EvaluationVariables.PLAN_DECISION.name(), "RETURN"))).anyMatch(p -> p.contains("修改意见"));
    assertThat(check(TaskKeys.APPROVE_PLAN, map(EvaluationVariables.PLAN_DECISION.name(), "MAYBE"))).anyMatch(p -> p.contains("批准或退回"));
    assertThat(check(TaskKeys.APPROVE_PLAN, map(EvaluationVariables.PLAN_DECISION.name(), "APPROVE"))).isEmpty();
  }

  @Test
  void article11ChoiceQuestionsNeedTwoOptionsAndAPeriod() {
    Map<String, Object> v = map(EvaluationVariables.SURVEY_OUTLINE.name(), "x", EvaluationVariables.QUESTIONNAIRE_TITLE.name(), "y", EvaluationVariables.QUESTIONNAIRE_DAYS.name(), 0,
        EvaluationVariables.QUESTIONNAIRE_ITEMS.name(), "[{\"question\":\"身份\",\"type\":\"SINGLE\",\"options\":\"家长\"}]");
    assertThat(check(TaskKeys.DESIGN_SURVEY, v)).anyMatch(p -> p.contains("1 至 90 天")).anyMatch(p -> p.contains("两个选项"));
  }

  @Test
  void articles6And12FullProcedureNeedsTwoChannelsArticle15SimplifiedOneOfItsMethods() {
    String fieldOnly = "[{\"channel\":\"FIELD_RESEARCH\",\"date\":\"2026-10-01\",\"participants\":3,\"summary\":\"走访\"}]";
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, map(EvaluationVariables.PROCEDURE_TYPE.name(), "FULL", EvaluationVariables.CONSULTATIONS.name(), fieldOnly)))
        .anyMatch(p -> p.contains("至少两种方式"));
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, map(EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED", EvaluationVariables.CONSULTATIONS.name(), fieldOnly)))
        .anyMatch(p -> p.contains("第十五条"));
    String symposium = fieldOnly.replace("FIELD_RESEARCH", "SYMPOSIUM");
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, map(EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED", EvaluationVariables.CONSULTATIONS.name(), symposium))).isEmpty();
    String badEntry = "[{\"channel\":\"SYMPOSIUM\",\"date\":\"昨天\",\"participants\":-2}]";
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, map(EvaluationVariables.PROCEDURE_TYPE.name(), "SIMPLIFIED", EvaluationVariables.CONSULTATIONS.name(), badEntry)))
        .anyMatch(p -> p.contains("日期")).anyMatch(p -> p.contains("参与人数")).anyMatch(p -> p.contains("主要情况"));
  }

  @Test
  void theOnlineSurveyEntryIsTheSystemsCountAndCannotBeEditedDroppedOrDuplicated() {
    String online = "{\"channel\":\"ONLINE_SURVEY\",\"date\":\"2026-11-30\",\"participants\":42,\"opinionCount\":7,"
        + "\"summary\":\"网上问卷自动汇总\"}";
    String symposium = "{\"channel\":\"SYMPOSIUM\",\"date\":\"2026-12-01\",\"participants\":20,\"summary\":\"座谈会\"}";
    Map<String, Object> survey = map(EvaluationVariables.PROCEDURE_TYPE.name(), "FULL", EvaluationVariables.SURVEY_ID.name(),
        "abcdefghijklmnopqrstuv", EvaluationVariables.SURVEY_RESPONSE_COUNT.name(), 42);
    survey.put(EvaluationVariables.CONSULTATIONS.name(), "[" + online + "," + symposium + "]");
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, survey)).isEmpty();
    survey.put(EvaluationVariables.CONSULTATIONS.name(), "[" + online.replace("42", "4200") + "," + symposium + "]");
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, survey)).anyMatch(p -> p.contains("由系统根据公众答卷自动汇总（共 42 份答卷）"));
    survey.put(EvaluationVariables.CONSULTATIONS.name(), "[" + symposium + "," + symposium.replace("SYMPOSIUM", "FIELD_RESEARCH") + "]");
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, survey)).anyMatch(p -> p.contains("不能修改、删除或重复添加"));
    survey.put(EvaluationVariables.CONSULTATIONS.name(), "[" + online + "," + online + "," + symposium + "]");
    assertThat(check(TaskKeys.RECORD_CONSULTATIONS, survey)).anyMatch(p -> p.contains("不能修改、删除或重复添加"));
  }

  @Test
  void questionnaireItemsHaveValidDimensionsDistinctOptionsAndBoundedSizes() {
    Map<String, Object> v = map(EvaluationVariables.SURVEY_OUTLINE.name(), "x", EvaluationVariables.QUESTIONNAIRE_TITLE.name(), "y",
        EvaluationVariables.QUESTIONNAIRE_DAYS.name(), 10, EvaluationVariables.QUESTIONNAIRE_ITEMS.name(),
        "[{\"question\":\"满意度\",\"type\":\"SCALE\",\"dimension\":\"HAPPINESS\"},"
            + "{\"question\":\"身份\",\"type\":\"SINGLE\",\"options\":\"家长\\n家长\"}]");
    assertThat(check(TaskKeys.DESIGN_SURVEY, v)).anyMatch(p -> p.contains("第1题的评估维度无效"))
        .anyMatch(p -> p.contains("第2题的选项不能重复"));
  }

  @Test
  void article7ScoresAreWholeNumbersFrom0To100ForDimensionsInScopeOnly() {
    Map<String, Object> v = map(EvaluationVariables.EVALUATION_SCOPE.name(), "PARTIAL", EvaluationVariables.DIMENSIONS_IN_SCOPE.name(), "[\"EFFECT\"]", "scoreEffect", 101,
        "findingsEffect", "x", EvaluationVariables.IMPLEMENTATION_PERFORMANCE.name(), "a", EvaluationVariables.INSTITUTIONAL_DESIGN.name(), "b", EvaluationVariables.PRELIMINARY_CONCLUSION.name(), "c",
        EvaluationVariables.RECOMMENDATIONS.name(), "d");
    assertThat(check(TaskKeys.ANALYSIS, v)).singleElement().asString().contains("0 至 100");
    v.put("scoreEffect", 88);
    assertThat(check(TaskKeys.ANALYSIS, v)).isEmpty();
    v.put(EvaluationVariables.SEVERE_ADVERSE_IMPACT.name(), "maybe");
    v.put(EvaluationVariables.LEGALITY_CONFLICT.name(), 1);
    assertThat(check(TaskKeys.ANALYSIS, v)).hasSize(2).allMatch(p -> p.contains("只能为是或否"));
    v.put(EvaluationVariables.SEVERE_ADVERSE_IMPACT.name(), "false");
    v.put(EvaluationVariables.LEGALITY_CONFLICT.name(), false);
    assertThat(check(TaskKeys.ANALYSIS, v)).isEmpty();
    v.put(EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE");
    assertThat(check(TaskKeys.ANALYSIS, v)).hasSize(10);
  }

  @Test
  void article13ExpertsComeFromTheRegisterAndDissentNeedsReasons() {
    assertThat(check(TaskKeys.SELECT_EXPERTS, map(EvaluationVariables.SELECTED_EXPERTS.name(), "[\"fgw\"]"))).anyMatch(p -> p.contains("不是评估专家库成员"));
    assertThat(check(TaskKeys.EXPERT_OPINION, map(EvaluationVariables.EXPERT_CONCLUSION.name(), "DISAGREE", EvaluationVariables.EXPERT_OPINION.name(), "x")))
        .anyMatch(p -> p.contains("如实写入报告"));
  }

  @Test
  void article16ApprovalNeedsAnOutcomeAndReasonsAReturnNeedsComments() {
    assertThat(check(TaskKeys.AUTHORITY_APPROVAL, map(EvaluationVariables.REPORT_DECISION.name(), "APPROVE", EvaluationVariables.EVALUATION_OUTCOME.name(), "ABOLISH")))
        .anyMatch(p -> p.contains("第十六条")).anyMatch(p -> p.contains("理由"));
    assertThat(check(TaskKeys.AUTHORITY_APPROVAL, map(EvaluationVariables.REPORT_DECISION.name(), "RETURN"))).anyMatch(p -> p.contains("退回意见"));
    assertThat(check(TaskKeys.AUTHORITY_APPROVAL, map(EvaluationVariables.REPORT_DECISION.name(), "APPROVE", EvaluationVariables.EVALUATION_OUTCOME.name(), "SUSPEND",
        EvaluationVariables.OUTCOME_REASONS.name(), "风险较大"))).isEmpty();
  }

  @Test
  void article17MitigationRecordsMeasuresLossesAndRisks() {
    assertThat(check(TaskKeys.MITIGATION, map())).hasSize(3);
  }
}
