package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationFormRules;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 决策机关审定 (Art. 16): a summary is published only with an approval and a summary text within the limit. */
class PublishSummaryRuleTest {

  private final EvaluationFormRules rules = new EvaluationFormRules();
  private final EvaluationFormRules.Context context = new EvaluationFormRules.Context() {
    @Override
    public boolean agencyExists(String agencyId) {
      return false;
    }

    @Override
    public boolean isExpert(String userId) {
      return false;
    }
  };

  private List<String> check(Object... pairs) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      v.put((String) pairs[i], pairs[i + 1]);
    }
    return rules.check(TaskKeys.AUTHORITY_APPROVAL, v::get, context).problems();
  }

  private static final Object[] APPROVED = {REPORT_DECISION.name(), "APPROVE", EVALUATION_OUTCOME.name(), "CONTINUE",
      OUTCOME_REASONS.name(), "成效明显"};

  private static Object[] approvedWith(Object... more) {
    Object[] all = new Object[APPROVED.length + more.length];
    System.arraycopy(APPROVED, 0, all, 0, APPROVED.length);
    System.arraycopy(more, 0, all, APPROVED.length, more.length);
    return all;
  }

  @Test
  void anApprovalMayPublishASummaryWithinTheLimit() {
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), true, PUBLIC_SUMMARY.name(), "字".repeat(2000),
        PUBLIC_KEY_FINDINGS.name(), "覆盖率提高"))).isEmpty();
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), false))).isEmpty();
    assertThat(check(APPROVED)).isEmpty();
  }

  @Test
  void publishingNeedsAnApprovalAndASummary() {
    assertThat(check(REPORT_DECISION.name(), "RETURN", REPORT_RETURN_COMMENTS.name(), "补充数据",
        PUBLISH_SUMMARY.name(), true, PUBLIC_SUMMARY.name(), "摘要")).containsExactly("只有审定通过的评估报告才能公开评估摘要（第十六条）");
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), true))).containsExactly("公开评估摘要时须填写公开的摘要");
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), true, PUBLIC_SUMMARY.name(), "  ")))
        .containsExactly("公开评估摘要时须填写公开的摘要");
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), true, PUBLIC_SUMMARY.name(), "字".repeat(2001))))
        .containsExactly("公开的摘要不能超过 2000 字");
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), true, PUBLIC_SUMMARY.name(), "摘要",
        PUBLIC_KEY_FINDINGS.name(), "字".repeat(2001)))).containsExactly("主要评估发现不能超过 2000 字");
    assertThat(check(approvedWith(PUBLISH_SUMMARY.name(), "maybe"))).containsExactly("“公开评估摘要”只能勾选或不勾选");
  }
}
