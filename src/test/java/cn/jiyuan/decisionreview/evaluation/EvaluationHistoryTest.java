package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationHistory.Step;
import cn.jiyuan.decisionreview.report.ReportData.Contributor;
import cn.jiyuan.decisionreview.report.ReportData.TimelineEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The report's timeline says what was refused or returned, and names who did the work. */
class EvaluationHistoryTest {

  static final LocalDate D = LocalDate.of(2026, 9, 1);
  static final Map<String, String> USERS = Map.of("sifa", "王明远", "zhengfu", "李建国", "jigou", "孙立新", "fgw", "张伟",
      "zhuanjia2", "吴振华");
  static final Map<String, String> GROUPS = Map.of("legal-affairs", "市司法局", "agency-demo", "郑州大学公共政策研究中心",
      "exec-fgw", "市发展和改革委员会", "decision-authority", "济源市人民政府");
  static final Function<String, String> AGENCIES = id -> Map.of("hengtai", "恒泰咨询有限公司", "demo", "郑州大学公共政策研究中心").get(id);

  static Step step(String key, String name, int day, String user, String group, Map<String, Object> submitted) {
    return new Step(key, name, D.plusDays(day), user, group, submitted);
  }

  static List<Step> commissionedWithReturns() {
    return List.of(
        step(TaskKeys.DETERMINE_METHOD, "确定评估方式", 0, "sifa", "legal-affairs",
            Map.of(EvaluationVariables.EVALUATOR_TYPE.name(), "COMMISSIONED", EvaluationVariables.PROCEDURE_TYPE.name(), "FULL")),
        step(TaskKeys.SELECT_AGENCY, "选择受委托评估机构", 1, "sifa", "legal-affairs", Map.of(EvaluationVariables.AGENCY_ID.name(), "hengtai")),
        step(TaskKeys.SELECT_AGENCY, "选择受委托评估机构", 2, "sifa", "legal-affairs", Map.of(EvaluationVariables.AGENCY_ID.name(), "demo")),
        step(TaskKeys.FORM_TEAM, "成立评估小组", 3, "jigou", "agency-demo", Map.of()),
        step(TaskKeys.DRAFT_PLAN, "制定评估方案", 4, "jigou", "agency-demo", Map.of()),
        step(TaskKeys.APPROVE_PLAN, "审批评估方案", 5, "zhengfu", "decision-authority",
            Map.of(EvaluationVariables.PLAN_DECISION.name(), "RETURN", EvaluationVariables.PLAN_REVIEW_COMMENTS.name(), "请补充经费测算依据。")),
        step(TaskKeys.DRAFT_PLAN, "制定评估方案", 6, "jigou", "agency-demo", Map.of()),
        step(TaskKeys.APPROVE_PLAN, "审批评估方案", 7, "zhengfu", "decision-authority", Map.of(EvaluationVariables.PLAN_DECISION.name(), "APPROVE")),
        step(TaskKeys.SUPPLY_MATERIALS, "提供实施情况材料", 8, "fgw", "exec-fgw", Map.of()),
        step(TaskKeys.REVIEW_DRAFT, "审核报告初稿", 9, "jigou", "agency-demo", Map.of(EvaluationVariables.REVISED_REPORT, "file")),
        step(TaskKeys.EXPERT_OPINION, "专家论证", 10, "zhuanjia2", null, Map.of(EvaluationVariables.EXPERT_CONCLUSION.name(), "DISAGREE")),
        step(TaskKeys.FINALIZE_REPORT, "正式形成评估报告", 11, "jigou", "agency-demo", Map.of()),
        step(TaskKeys.AUTHORITY_APPROVAL, "决策机关审定", 12, "zhengfu", "decision-authority",
            Map.of(EvaluationVariables.REPORT_DECISION.name(), "RETURN", EvaluationVariables.REPORT_RETURN_COMMENTS.name(), "请补充农村学校数据")),
        step(TaskKeys.FINALIZE_REPORT, "正式形成评估报告", 13, "jigou", "agency-demo", Map.of()),
        step(TaskKeys.AUTHORITY_APPROVAL, "决策机关审定", 14, "zhengfu", "decision-authority",
            Map.of(EvaluationVariables.REPORT_DECISION.name(), "APPROVE", EvaluationVariables.EVALUATION_OUTCOME.name(), "ADJUST")));
  }

  @Test
  void refusalsAndReturnsAreSaidWithTheirReasons() {
    List<TimelineEntry> timeline = EvaluationHistory.timeline(D.minusDays(1), "第八条第（五）项", commissionedWithReturns(),
        List.of("该机构受到行政处罚未满三年（第二十五条）"), AGENCIES, USERS::get);
    assertThat(timeline).extracting(TimelineEntry::step).containsExactly(
        "启动评估（第八条第（五）项）",
        "确定评估方式：委托评估，完整程序",
        "选择受委托评估机构：恒泰咨询有限公司不符合受委托条件，重新选择；原因：该机构受到行政处罚未满三年（第二十五条）",
        "选择受委托评估机构：委托郑州大学公共政策研究中心",
        "成立评估小组",
        "制定评估方案",
        "评估方案被决策机关退回修改；退回意见：请补充经费测算依据",
        "按退回意见修改评估方案",
        "评估方案经决策机关批准",
        "提供实施情况材料",
        "审核报告初稿，上传修改稿",
        "专家论证：吴振华（不同意报告结论）",
        "正式形成评估报告",
        "报告被决策机关退回修改；退回意见：请补充农村学校数据",
        "按决策机关退回意见修改，重新形成评估报告",
        "决策机关审定通过，处理决定：调整决策内容");
    assertThat(timeline.get(0).date()).isEqualTo(D.minusDays(1));
    assertThat(timeline.get(6).date()).isEqualTo(D.plusDays(5));
    // no step is listed twice without comment
    assertThat(timeline).extracting(TimelineEntry::step).doesNotHaveDuplicates();
  }

  @Test
  void aReturnWithoutCommentsIsStillSaid() {
    List<TimelineEntry> timeline = EvaluationHistory.timeline(null, null, List.of(
        step(TaskKeys.APPROVE_PLAN, "审批评估方案", 0, null, null, Map.of(EvaluationVariables.PLAN_DECISION.name(), "RETURN")),
        step(TaskKeys.MITIGATION, "采取补救措施", 1, null, null, null)), List.of(), AGENCIES, USERS::get);
    assertThat(timeline).extracting(TimelineEntry::step).containsExactly("评估方案被决策机关退回修改", "采取补救措施");
  }

  @Test
  void contributorsAreThePeopleWhoCompletedTheWorkWithTheirUnits() {
    List<Step> simplified = List.of(
        step(TaskKeys.DETERMINE_METHOD, "确定评估方式", 0, "sifa", "legal-affairs", Map.of()),
        step(TaskKeys.SUPPLY_MATERIALS, "提供实施情况材料", 1, "fgw", "exec-fgw", Map.of()),
        step(TaskKeys.RECORD_CONSULTATIONS, "征求意见与调查记录", 1, "sifa", "legal-affairs", Map.of()),
        step(TaskKeys.ANALYSIS, "分析研判并形成初步结论", 2, "sifa", "legal-affairs", Map.of()),
        step(TaskKeys.REVIEW_DRAFT, "审核报告初稿", 3, "sifa", "legal-affairs", Map.of()),
        step(TaskKeys.FINALIZE_REPORT, "正式形成评估报告", 4, "sifa", "legal-affairs", Map.of()),
        step(TaskKeys.FINALIZE_REPORT, "正式形成评估报告", 6, "sifa", "legal-affairs", Map.of()),
        step(TaskKeys.AUTHORITY_APPROVAL, "决策机关审定", 5, "zhengfu", "decision-authority", Map.of()),
        step(TaskKeys.ANALYSIS, "分析研判并形成初步结论", 2, null, "legal-affairs", Map.of()));
    assertThat(EvaluationHistory.contributors(simplified, USERS::get, GROUPS::get)).containsExactly(
        new Contributor("张伟", "市发展和改革委员会", "提供实施情况材料"),
        new Contributor("王明远", "市司法局", "征求意见与调查记录、分析研判并形成初步结论、审核报告初稿、正式形成评估报告"));
  }
}
