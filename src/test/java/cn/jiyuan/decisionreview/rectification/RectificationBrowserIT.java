package cn.jiyuan.decisionreview.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.AuthorityItemDecision;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import cn.jiyuan.decisionreview.webapp.Walkthrough;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Follow-through as the users do it in Tasklist (Art. 16, 17): sifa lists three recommendations in 分析研判 (units
 * from the directory); zhengfu accepts one, modifies one and rejects one at 决策机关审定; jyj reports the first item
 * 部分完成 with an evidence file (after the form refused 已完成 without one), sifa downloads the file and returns the
 * item, jyj reports it done with a second file, sifa closes it. The steps between (materials, consultation, draft,
 * final report) are submitted through the engine, as earlier walk-throughs cover them. Screenshots under
 * target/e2e/rectification.
 */
@Tag("browser")
@IntegrationTest
@Covers({"第十六条", "第十七条"})
class RectificationBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RectificationService service;
  @Autowired RectificationEvidence evidence;

  /**
   * Opens a task by its link, as a notification's link does (the users' filters hold many demo tasks, so finding the
   * card by scrolling is left to the walk-throughs), claims it and waits for its form.
   */
  private Tasklist open(Tasklist tasklist, String user, String taskId) {
    tasklist.login(user).driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    new WebDriverWait(tasklist.driver(), Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(
        "[cam-tasklist-form] .fjs-container .fjs-form, [cam-tasklist-form] form[name]")).isEmpty());
    return tasklist.claim();
  }

  private String taskOf(RectificationView item, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(item.rectificationProcessInstanceId())
        .taskDefinitionKey(taskKey).singleResult().getId();
  }

  private void step(Tasklist tasklist, String what) {
    assertThat(tasklist.englishInForm()).as("English in " + what).isEmpty();
    tasklist.shot(what);
    tasklist.submit();
  }

  @Test
  void recommendationsAreDecidedOneByOneAndAnItemIsCarriedOutWithEvidenceReturnedAndClosed() throws Exception {
    String number = DecisionNumbers.unique();
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-jyj")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false);

    try (Tasklist t = Tasklist.open(port, "rectification")) {
      // 分析研判: the team lists the recommendations; 责任单位 offers the directory's units
      open(t, "sifa", s.task(TaskKeys.ANALYSIS_SIMPLIFIED).getId());
      Walkthrough.analysis(t, 80);
      t.form().rows("整改建议", 3);
      t.form().row("整改建议", 1).text("建议内容", "完善课后服务收费与财政补助机制").select("责任单位", "市教育局")
          .select("类别", "完善配套制度").text("整改期限（工作日）", 10);
      t.form().row("整改建议", 2).text("建议内容", "加强农村学校课后服务师资配备").select("责任单位", "市教育局")
          .select("类别", "改进行政管理").text("整改期限（工作日）", 20);
      t.form().row("整改建议", 3).text("建议内容", "将课后服务场地纳入城市更新规划").select("责任单位", "市住房和城乡建设局")
          .select("类别", "修改决策内容").text("整改期限（工作日）", 30);
      step(t, "分析研判-整改建议");

      assertThat(s.drain().var(EvaluationVariables.RECOMMENDATION_ITEMS)).extracting(r -> r.responsibleUnit())
          .containsExactly("exec-jyj", "exec-jyj", "exec-zjj");
      s.reviewDraft(null).finalizeReport();
      assertThat(s.var(EvaluationVariables.RECOMMENDATION_DECISIONS)).hasSize(3);

      // 决策机关审定: accept, modify, reject
      open(t, "zhengfu", s.task(TaskKeys.AUTHORITY_APPROVAL).getId());
      t.form().choose("审定意见", "审定通过").select("处理决定", "继续执行").text("理由", "总体达到预期，按整改建议完善。");
      t.shot("决策机关审定-审定通过");
      t.form().row("整改建议", 1).choose("决定", "采纳");
      t.form().row("整改建议", 2).choose("决定", "修改后采纳")
          .text("修改后的建议内容", "加强农村学校课后服务师资配备，2026 年秋季学期前完成");
      t.form().row("整改建议", 3).choose("决定", "不采纳");
      step(t, "决策机关审定-逐条决定");
      Jobs.drain(engine, s.instance.getId());

      List<RectificationView> items = service.itemsOfEvaluation(s.instance.getId());
      assertThat(items).extracting(RectificationView::authorityDecision, RectificationView::responsibleUnit,
          RectificationView::status).containsExactly(
              org.assertj.core.groups.Tuple.tuple("ACCEPT", "exec-jyj", "OPEN"),
              org.assertj.core.groups.Tuple.tuple("MODIFY", "exec-jyj", "OPEN"),
              org.assertj.core.groups.Tuple.tuple("REJECT", "exec-zjj", "REJECTED"));
      assertThat(items.get(1).text()).isEqualTo("加强农村学校课后服务师资配备，2026 年秋季学期前完成");
      RectificationView item = items.get(0);

      // 落实整改事项: 已完成 without a file is refused in the form; 部分完成 with the draft and a reason goes through
      open(t, "jyj", taskOf(item, RectificationRules.IMPLEMENT));
      assertThat(t.detailText()).contains("完善课后服务收费与财政补助机制", "市教育局", "10 个工作日");
      assertThat(t.form().has("未完成的原因及后续安排")).as("before a status is chosen").isFalse();
      t.form().text("采取的整改措施", "已起草《课后服务收费与补助办法》并征求意见").select("整改状态", "已完成");
      assertThat(t.form().has("未完成的原因及后续安排")).as("under 已完成").isFalse();
      t.submitExpectingRefusal("已完成时须上传至少一份佐证材料文件");
      t.shot("落实整改事项-缺少佐证材料");
      Path draft = Walkthrough.pdf(t.downloads().resolve("收费与补助办法征求意见稿.pdf"));
      t.form().upload("佐证材料文件 1", draft).select("整改状态", "部分完成")
          .text("未完成的原因及后续安排", "办法尚需市政府常务会议审议，预计下月印发");
      step(t, "落实整改事项-部分完成");

      // 整改情况审核: the file opens from the form; returned with a remark
      open(t, "sifa", taskOf(item, RectificationRules.REVIEW));
      assertThat(t.detailText()).contains("部分完成", "已起草《课后服务收费与补助办法》", "收费与补助办法征求意见稿.pdf");
      Path downloaded = t.download("收费与补助办法征求意见稿.pdf", ".pdf");
      assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(draft));
      t.form().choose("审核意见", "退回，继续整改").text("审核意见说明", "请在办法印发后报告，并附印发文件");
      step(t, "整改情况审核-退回");

      // back with the unit: the remark and the earlier file are shown; done, with the issued document
      open(t, "jyj", taskOf(item, RectificationRules.IMPLEMENT));
      assertThat(t.detailText()).contains("请在办法印发后报告，并附印发文件", "收费与补助办法征求意见稿.pdf");
      Path issued = Walkthrough.pdf(t.downloads().resolve("课后服务收费与补助办法印发通知.pdf"));
      assertThat(t.form().has("未完成的原因及后续安排")).as("the earlier 部分完成 and its reason").isTrue();
      t.form().text("采取的整改措施", "《课后服务收费与补助办法》已印发施行").upload("佐证材料文件 1", issued)
          .select("整改状态", "已完成");
      assertThat(t.form().has("未完成的原因及后续安排")).as("the earlier reason is out of sight under 已完成").isFalse();
      step(t, "落实整改事项-已完成");

      open(t, "sifa", taskOf(item, RectificationRules.REVIEW));
      assertThat(t.detailText()).contains("已完成", "课后服务收费与补助办法印发通知.pdf", "收费与补助办法征求意见稿.pdf");
      t.form().choose("审核意见", "审核通过，整改事项办结");
      step(t, "整改情况审核-通过");
    }

    RectificationItem closed = service.find(service.itemsOfEvaluation(s.instance.getId()).get(0).id()).orElseThrow();
    assertThat(closed.status()).isEqualTo(RectificationStatus.CLOSED);
    assertThat(closed.authorityDecision()).isEqualTo(AuthorityItemDecision.ACCEPT);
    assertThat(closed.unitStatus()).isEqualTo(UnitStatus.DONE);
    assertThat(closed.returnCount()).isEqualTo(1);
    assertThat(closed.reportedBy()).isEqualTo("jyj");
    assertThat(closed.reviewedBy()).isEqualTo("sifa");
    assertThat(evidence.listing(closed.id())).extracting(cn.jiyuan.decisionreview.evaluation.Material::fileName)
        .containsExactlyInAnyOrder("收费与补助办法征求意见稿.pdf", "课后服务收费与补助办法印发通知.pdf");
  }
}
