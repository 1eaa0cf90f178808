package cn.jiyuan.decisionreview.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.Recommendation;
import cn.jiyuan.decisionreview.evaluation.RecommendationKind;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The executing unit's 落实整改事项 and the legal office's 整改情况审核 in Tasklist (Art. 16, 17): jyj reports the item
 * 部分完成 with the reason, sifa returns it, jyj sees the remark and reports it done, sifa closes it. Screenshots
 * under target/e2e/rectification.
 */
@Tag("browser")
@IntegrationTest
@Covers({"第十七条"})
class RectificationBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RectificationService service;

  /**
   * Opens the item's open task by its link, as a notification's link does (the unit's filters hold many demo tasks,
   * so finding the card by scrolling is left to the walk-throughs), and waits for its form.
   */
  private Tasklist open(Tasklist tasklist, RectificationView item, String taskKey) {
    String id = engine.getTaskService().createTaskQuery().processInstanceId(item.rectificationProcessInstanceId())
        .taskDefinitionKey(taskKey).singleResult().getId();
    tasklist.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + id);
    new org.openqa.selenium.support.ui.WebDriverWait(tasklist.driver(), java.time.Duration.ofSeconds(60))
        .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".fjs-container .fjs-form")).isEmpty());
    return tasklist;
  }

  @Test
  void theUnitReportsTheItemInTasklistAndTheLegalOfficeReturnsThenClosesIt() throws Exception {
    String number = DecisionNumbers.unique();
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-jyj");
    s.determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values()), List.of(Recommendation.of(
            "完善课后服务收费与财政补助机制", "exec-jyj", RecommendationKind.SUPPORTING_RULES, 10)))
        .reviewDraft(null).finalizeReport().authorityWithRecommendations("CONTINUE", List.of("ACCEPT"));
    RectificationView item = service.itemsOfEvaluation(s.instance.getId()).get(0);

    try (Tasklist tasklist = Tasklist.open(port, "rectification")) {
      open(tasklist.login("jyj"), item, RectificationRules.IMPLEMENT).claim();
      assertThat(tasklist.detailText()).contains("完善课后服务收费与财政补助机制", "市教育局", "10 个工作日");
      tasklist.form().text("采取的整改措施", "已起草《课后服务收费与补助办法》并征求意见")
          .text("佐证材料", "征求意见稿（济教〔2026〕12号）").choose("整改状态", "部分完成")
          .text("未完成的原因及后续安排", "办法尚需市政府常务会议审议，预计下月印发");
      tasklist.shot("落实整改事项");
      tasklist.submit();

      open(tasklist.login("sifa"), item, RectificationRules.REVIEW).claim();
      assertThat(tasklist.detailText()).contains("部分完成", "已起草《课后服务收费与补助办法》");
      tasklist.form().choose("审核意见", "退回，继续整改").text("审核意见说明", "请在办法印发后报告");
      tasklist.shot("整改情况审核-退回");
      tasklist.submit();

      open(tasklist.login("jyj"), item, RectificationRules.IMPLEMENT).claim();
      assertThat(tasklist.detailText()).contains("请在办法印发后报告");
      tasklist.form().text("采取的整改措施", "《课后服务收费与补助办法》已印发施行")
          .text("佐证材料", "济教〔2026〕15号").choose("整改状态", "已完成");
      tasklist.shot("落实整改事项-再次报告");
      tasklist.submit();

      open(tasklist.login("sifa"), item, RectificationRules.REVIEW).claim();
      tasklist.form().choose("审核意见", "审核通过，整改事项办结");
      tasklist.shot("整改情况审核-通过");
      tasklist.submit();
    }
    RectificationItem closed = service.find(item.id()).orElseThrow();
    assertThat(number).isNotBlank();
    assertThat(closed.status()).isEqualTo(RectificationStatus.CLOSED);
    assertThat(closed.unitStatus()).isEqualTo(UnitStatus.DONE);
    assertThat(closed.returnCount()).isEqualTo(1);
    assertThat(closed.reportedBy()).isEqualTo("jyj");
    assertThat(closed.reviewedBy()).isEqualTo("sifa");
  }
}
