package cn.jiyuan.decisionreview.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationFormRules;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.FormValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-side rules of the recommendation list, the authority's per-item decisions and the two rectification forms. */
class RectificationRulesTest {

  private final EvaluationFormRules rules = new EvaluationFormRules();
  private final EvaluationFormRules.Context context = new EvaluationFormRules.Context() {
    @Override
    public boolean agencyExists(String agencyId) {
      return true;
    }

    @Override
    public boolean isExpert(String userId) {
      return true;
    }
  };

  private static Map<String, Object> item(String text, String unit, String kind, Object days) {
    Map<String, Object> m = new HashMap<>();
    m.put("text", text);
    m.put("responsibleUnit", unit);
    m.put("kind", kind);
    m.put("deadlineWorkingDays", days);
    return m;
  }

  private List<String> finalize(List<Map<String, Object>> items) {
    Map<String, Object> v = new HashMap<>();
    v.put("finalReportNotes", "定稿");
    v.put("recommendationItems", FormValues.toJson(items));
    return rules.check(TaskKeys.FINALIZE_REPORT, v::get, context).problems();
  }

  @Test
  void eachRecommendationNeedsTextUnitKindAndWorkingDaysInRange() {
    assertThat(finalize(List.of())).isEmpty();
    assertThat(finalize(List.of(item("完善机制", "exec-jyj", "SUPPORTING_RULES", 10)))).isEmpty();
    assertThat(finalize(List.of(item(" ", "exec-jyj", "SUPPORTING_RULES", 10)))).anyMatch(p -> p.contains("缺少建议内容"));
    assertThat(finalize(List.of(item("完善机制", "agency-demo", "SUPPORTING_RULES", 10))))
        .contains("第1条整改建议的责任单位“agency-demo”不是系统中的执行单位或可承担整改的单位，须从列表中选择");
    assertThat(finalize(List.of(item("完善机制", null, "SUPPORTING_RULES", 10))))
        .contains("第1条整改建议的责任单位须从列表中选择");
    assertThat(finalize(List.of(item("完善机制", "exec-jyj", "MAYBE", 10)))).anyMatch(p -> p.contains("类别须为"));
    assertThat(finalize(List.of(item("完善机制", "exec-jyj", "OTHER", 0)))).anyMatch(p -> p.contains("1 至 250 个工作日"));
    assertThat(finalize(List.of(item("完善机制", "exec-jyj", "OTHER", 251)))).anyMatch(p -> p.contains("1 至 250 个工作日"));
    assertThat(finalize(List.of(item("完善机制", "exec-jyj", "OTHER", 2.5)))).anyMatch(p -> p.contains("1 至 250 个工作日"));
    assertThat(finalize(List.of(item("完善机制", "legal-affairs", "OTHER", "12")))).isEmpty();
  }

  @Test
  void theBudgetUsedIsOptionalButBounded() {
    Map<String, Object> v = new HashMap<>(Map.of("finalReportNotes", "定稿", "budgetUsed", -1));
    assertThat(rules.check(TaskKeys.FINALIZE_REPORT, v::get, context).problems()).anyMatch(p -> p.contains("实际使用经费"));
    v.put("budgetUsed", 48000.5);
    assertThat(rules.check(TaskKeys.FINALIZE_REPORT, v::get, context).problems()).isEmpty();
  }

  @Test
  void anApprovalDecidesEveryRecommendationAndAModificationNeedsItsText() {
    Map<String, Object> v = new HashMap<>(Map.of("reportDecision", "APPROVE", "evaluationOutcome", "CONTINUE",
        "outcomeReasons", "理由"));
    v.put("recommendationItems", FormValues.toJson(List.of(item("甲", "exec-jyj", "OTHER", 5),
        item("乙", "exec-jyj", "OTHER", 5))));
    v.put("recommendationDecisions", FormValues.toJson(List.of(Map.of("decision", "ACCEPT"))));
    assertThat(rules.check(TaskKeys.AUTHORITY_APPROVAL, v::get, context).problems()).anyMatch(p -> p.contains("共 2 条"));
    v.put("recommendationDecisions", FormValues.toJson(List.of(Map.of("decision", "ACCEPT"), Map.of("decision", "MODIFY"))));
    assertThat(rules.check(TaskKeys.AUTHORITY_APPROVAL, v::get, context).problems())
        .anyMatch(p -> p.contains("第2条整改建议修改后采纳时须填写修改后的内容"));
    v.put("recommendationDecisions", FormValues.toJson(List.of(Map.of("decision", "REJECT"),
        Map.of("decision", "MODIFY", "modifiedText", "乙（修改）"))));
    assertThat(rules.check(TaskKeys.AUTHORITY_APPROVAL, v::get, context).problems()).isEmpty();
    // a returned report decides nothing yet
    Map<String, Object> returned = new HashMap<>(Map.of("reportDecision", "RETURN", "reportReturnComments", "补充"));
    returned.put("recommendationItems", v.get("recommendationItems"));
    assertThat(rules.check(TaskKeys.AUTHORITY_APPROVAL, returned::get, context).problems()).isEmpty();
  }

  @Test
  void theUnitsReportAndTheReviewStateTheirRules() {
    FormRefusal none = RectificationRules.check(RectificationRules.IMPLEMENT, Map.<String, Object>of()::get, 0);
    assertThat(none.problems()).containsExactly("请填写采取的整改措施", "请选择整改状态：已完成、部分完成或无法完成");
    Map<String, Object> partial = Map.of("rectificationMeasures", "措施", "rectificationStatus", "PARTIAL");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, partial::get, 1).problems())
        .containsExactly("部分完成时须说明原因及后续安排（第十七条）");
    Map<String, Object> done = Map.of("rectificationMeasures", "措施", "rectificationStatus", "DONE");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, done::get, 1).isEmpty()).isTrue();
    assertThat(RectificationRules.check(RectificationRules.REVIEW, Map.<String, Object>of(
        "rectificationReviewOutcome", "RETURN")::get, 0).problems()).containsExactly("退回时须写明整改不到位之处");
    assertThat(RectificationRules.check(RectificationRules.REVIEW, Map.<String, Object>of(
        "rectificationReviewOutcome", "ACCEPT")::get, 0).isEmpty()).isTrue();
  }

  @Test
  void doneAndPartlyDoneNeedAnEvidenceFileAndNoItemKeepsMoreThanTwenty() {
    Map<String, Object> done = Map.of("rectificationMeasures", "措施", "rectificationStatus", "DONE");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, done::get, 0).problems())
        .containsExactly("已完成时须上传至少一份佐证材料文件（第十七条）");
    Map<String, Object> partial = Map.of("rectificationMeasures", "措施", "rectificationStatus", "PARTIAL",
        "rectificationReason", "尚需审议");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, partial::get, 0).problems())
        .containsExactly("部分完成时须上传至少一份佐证材料文件（第十七条）");
    // 无法完成 says why in its reason; a file is not required
    Map<String, Object> impossible = Map.of("rectificationMeasures", "措施", "rectificationStatus", "IMPOSSIBLE",
        "rectificationReason", "上位法已修改，无法按原建议整改");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, impossible::get, 0).isEmpty()).isTrue();
    Map<String, Object> impossibleWithoutReason = Map.of("rectificationMeasures", "措施",
        "rectificationStatus", "IMPOSSIBLE", "rectificationReason", "  ");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, impossibleWithoutReason::get, 0).problems())
        .containsExactly("无法完成时须说明原因及后续安排（第十七条）");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, done::get, RectificationEvidence.MAX_FILES)
        .isEmpty()).isTrue();
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, done::get, RectificationEvidence.MAX_FILES + 1)
        .problems()).containsExactly("每个整改事项最多保存 20 份佐证材料，请合并后上传");
    assertThat(RectificationRules.check(RectificationRules.IMPLEMENT, Map.<String, Object>of(
        "rectificationMeasures", "措施", "rectificationStatus", "MAYBE")::get, 1).problems())
        .containsExactly("请选择整改状态：已完成、部分完成或无法完成");
  }
}
