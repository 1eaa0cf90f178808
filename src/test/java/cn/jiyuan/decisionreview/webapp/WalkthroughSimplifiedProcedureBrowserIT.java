package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A simplified evaluation (Art. 15) that suspends the decision, its resumption, and a repeated request waived under
 * Art. 20, carried through Tasklist by every demo user it involves.
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
@Covers({"第十五条", "第十六条", "第十七条", "第二十条", "条例第三十七条"})
class WalkthroughSimplifiedProcedureBrowserIT extends Walkthrough {

  @Test
  void aSimplifiedEvaluationSuspendsTheDecisionWhichIsResumedAndARepeatedRequestIsWaived() throws Exception {
    String number = DecisionNumbers.unique();
    try (Tasklist t = Tasklist.open(port, "simplified-waiver-suspension")) {
      register(t, number, "济源市中小学校服统一采购办法", "其他重大行政决策", "市教育局");
      request(t, "sifa", number, "明显未达到预期效果（第八条第（二）项）", "家长反映校服质量与价格不符，未达到预期效果。");

      work(t, "sifa", "确定评估方式", number);
      t.form().choose("评估主体", "自行评估").select("承担评估具体工作的单位", "市司法局")
          .choose("评估程序", "简易程序（第十五条）")
          .text("采用简易程序的理由", "事项单一、涉及面小，采用座谈会方式即可查明情况（第十五条）。")
          .choose("评估范围", "整体评估");
      done(t, "确定评估方式-简易程序");

      work(t, "jyj", "提供实施情况材料", number);
      t.form().upload("材料文件 1", pdf(t.downloads().resolve("校服采购情况说明.pdf")))
          .text("实施情况数据", "全市 38 所学校统一采购校服 4.2 万套。").text("存在的问题", "部分批次面料不达标。")
          .text("存在的风险", "家长投诉增多。").text("意见建议", "暂停统一采购，重新招标。");
      done(t, "提供实施情况材料");

      work(t, "sifa", "征求意见与调查记录", number);
      t.form().rows("征求意见记录", 1);
      t.form().row("征求意见记录", 1).select("方式", "座谈会").date("日期", today.minusDays(2)).text("参与人数", 20)
          .text("收集意见数", 17).text("主要情况", "召开家长代表、学校代表座谈会，收集意见 17 条。");
      done(t, "征求意见与调查记录-简易程序");

      work(t, "sifa", "分析研判并形成初步结论", number);
      analysis(t, 55);
      done(t, "分析研判并形成初步结论-简易程序");

      work(t, "sifa", "审核报告初稿", number);
      t.form().check("已审阅报告初稿");
      done(t, "审核报告初稿-简易程序");

      work(t, "sifa", "正式形成评估报告", number);
      t.form().text("修改说明", "按座谈会意见定稿。");
      done(t, "正式形成评估报告-简易程序");

      work(t, "zhengfu", "决策机关审定", number);
      t.form().choose("审定意见", "审定通过").select("处理决定", "中止执行")
          .text("理由", "校服质量问题集中，中止统一采购，待重新招标后恢复。");
      done(t, "决策机关审定-中止执行");

      work(t, "jyj", "采取补救措施", number);
      t.form().text("采取的措施", "对不达标批次退换。").text("避免或减少的经济损失和不良社会影响", "退换 3,200 套，费用由供应商承担。")
          .text("尚存风险及应对安排", "重新招标期间由学校自行安排。");
      done(t, "采取补救措施-中止执行");

      work(t, "zhengfu", "恢复执行", number);
      t.form().text("恢复执行的决定及理由", "重新招标完成，质量问题已整改，恢复执行。");
      done(t, "恢复执行");

      request(t, "jyj", number, "决策执行单位申请（第八条第（四）项）", "恢复执行后再次申请评估。");

      work(t, "sifa", "确认是否免于重复评估", number);
      // the form names the article the table found, so legal-affairs confirms knowingly
      assertThat(t.driver().findElement(org.openqa.selenium.By.cssSelector("[cam-tasklist-form]")).getText())
          .contains("可免评依据： 第二十条第一款");
      t.form().choose("处理意见", "确认免于重复评估").text("理由", "十二个月内已评估，情况未发生变化（第二十条第一款）。");
      done(t, "确认是否免于重复评估");
    }

    assertNoEnglishWasSeen();
    Jobs.drain(engine, number);
    HistoricProcessInstance evaluation = evaluation(number);
    assertThat(variable(evaluation, EvaluationVariables.PROCEDURE_TYPE)).isEqualTo("SIMPLIFIED");
    assertThat(variable(evaluation, EvaluationVariables.EVALUATION_OUTCOME)).isEqualTo("SUSPEND");
    HistoricProcessInstance tracking = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.DECISION_TRACKING).processInstanceBusinessKey(number).singleResult();
    assertThat(String.valueOf(variable(tracking, TrackingVariables.TRACKING_STATUS))).isEqualTo("TRACKING");
    assertThat(String.valueOf(variable(tracking, TrackingVariables.EVALUATION_HISTORY))).contains("SUSPEND").contains("\"waived\":true");
  }

  // --- one step as a person does it --------------------------------------------------------------------------
}
