package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The centrepiece of “every step in Tasklist”: a commissioned evaluation under the full procedure (Art. 10–14, 21),
 * with a refused agency, a returned plan, an expert who disagrees and remedial measures, carried through Tasklist by
 * every demo user it involves.
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
@Covers({"第三条", "第五条", "第六条", "第十条", "第十一条", "第十二条", "第十三条", "第十四条", "第十六条", "第二十一条", "第二十二条"})
class WalkthroughFullProcedureBrowserIT extends Walkthrough {

  @Test
  void aCommissionedEvaluationUnderTheFullProcedureIsCarriedThroughTasklist() throws Exception {
    String number = DecisionNumbers.unique();
    String title = "济源市城乡供水一体化改革实施方案";
    try (Tasklist t = Tasklist.open(port, "full-procedure")) {
      register(t, number, title, "重大政策", "市住房和城乡建设局");

      request(t, "zjj", number, "决策执行单位申请（第八条第（四）项）", "供水管网改造进度滞后，申请开展跟踪反馈与后评估。");

      work(t, "sifa", "确定评估方式", number);
      t.form().choose("评估主体", "委托评估（第二十一条）")
          .select("承担评估具体工作的单位", "市司法局")
          .choose("评估程序", "完整程序（第十条至第十四条）")
          .choose("评估范围", "整体评估");
      done(t, "确定评估方式");

      work(t, "sifa", "选择受委托评估机构", number);
      t.form().select("受委托评估机构", "济源恒泰管理咨询有限公司")
          .text("委托范围", "对供水一体化改革的实施情况开展整体评估，形成评估报告。")
          .check("受委托评估机构承诺")
          .rows("外聘专家", 1);
      t.form().row("外聘专家（可选，第二十一条第二款）", 1).text("姓名", "钱守正").text("单位", "河南省水利科学研究院")
          .text("专业领域", "城乡供水");
      noEnglish(t);
      String refusal = t.submitExpectingRefusal("第二十五条");
      t.shot("选择受委托评估机构-不符合条件被拒绝");
      assertThat(refusal).contains("济源恒泰管理咨询有限公司");
      t.form().select("受委托评估机构", "郑州大学公共政策研究中心");
      done(t, "选择受委托评估机构");

      work(t, "jigou", "成立评估小组", number);
      t.form().rows("评估小组成员", 2);
      t.form().row("评估小组成员", 1).text("姓名", "孙立新").text("单位", "郑州大学公共政策研究中心")
          .select("类别", "行业专家").text("联系方式", "0371-67780001").check("本人声明独立");
      assertThat(t.submitEnabled()).as("a field inside the list was touched: 提交 must stay enabled").isTrue();
      t.form().row("评估小组成员", 2).text("姓名", "李红").text("单位", "市人大常委会城建环资工委")
          .select("类别", "人大代表").text("联系方式", "0391-6633002").check("本人声明独立");
      done(t, "成立评估小组");

      work(t, "jigou", "制定评估方案", number);
      String empty = t.submitExpectingRefusal("未填写或填写有误");
      t.shot("制定评估方案-空表单提交");
      assertThat(empty).contains("目的").contains("此项为必填项");
      plan(t, "第一季度准备，第二季度实施，第三季度形成报告");
      done(t, "制定评估方案");

      work(t, "zhengfu", "审批评估方案", number);
      assertThat(t.detailText()).as("amounts are grouped").contains("180,000");
      t.form().choose("审批意见", "退回修改").text("退回意见", "请补充入户问卷的抽样方法，并压缩实施阶段用时。");
      done(t, "审批评估方案-退回");

      work(t, "jigou", "制定评估方案", number);
      assertThat(t.detailText()).contains("请补充入户问卷的抽样方法");
      t.form().text("步骤与时间安排", "第一季度准备（按城区、镇、村分层抽样入户问卷），第二季度实施，第三季度形成报告");
      done(t, "制定评估方案-修改后");

      work(t, "zhengfu", "审批评估方案", number);
      t.form().choose("审批意见", "批准");
      done(t, "审批评估方案-批准");

      work(t, "jigou", "制定调查提纲和问卷", number);
      t.form().text("调查提纲", "供水水质、水压、收费、服务四个方面；城区、镇、村三类区域。")
          .text("问卷标题", "济源市城乡供水一体化改革满意度调查").text("网上问卷征集期限（天）", 30).rows("问卷题目", 2);
      t.form().row("问卷题目", 1).text("题目", "您对改革后的供水服务总体是否满意？").select("题型", "满意度");
      t.form().row("问卷题目", 2).text("题目", "改革后您家的水压是否稳定？").select("题型", "单选")
          .text("选项", "稳定\n偶尔不稳定\n经常不稳定");
      done(t, "制定调查提纲和问卷");

      // The questionnaire is public now: citizens answer without login (PublicSurveyBrowserIT walks the page on a
      // phone); the team ends it early through the API, and its results enter the consultation record.
      String evaluationId = evaluation(number).getId();
      Http team = Http.basic(port, "jigou", "demo");
      String surveyId = team.get("/api/evaluations/" + evaluationId + "/survey").json().get("surveyId").asText();
      for (int score : new int[] {5, 4, 2}) {
        assertThat(Http.anonymous(port).postJson("/public/api/surveys/" + surveyId + "/responses",
            Map.of("answers", Map.of("q1", score, "q2", "稳定"))).status()).isEqualTo(201);
      }
      assertThat(team.postJson("/api/evaluations/" + evaluationId + "/survey/close", Map.of()).status()).isEqualTo(200);
      Jobs.drain(engine, number);

      work(t, "zjj", "提供实施情况材料", number);
      t.form().text("实施情况数据", "已完成 126 公里管网改造，覆盖 9 个镇 214 个村。")
          .text("存在的问题", "部分山区村水压不足。").text("存在的风险", "水价调整可能引发群众意见。")
          .text("意见建议", "分区分类推进，完善水价听证。");
      Path notes = Files.writeString(t.downloads().resolve("说明.txt"), "不是允许的材料格式", StandardCharsets.UTF_8);
      t.form().upload("材料文件 1", notes);
      String wrongType = t.submitExpectingRefusal("说明.txt");
      t.shot("提供实施情况材料-文件类型被拒绝");
      assertThat(wrongType).contains("Word").contains("PDF");
      t.form().upload("材料文件 1", pdf(t.downloads().resolve("供水一体化改革实施情况报告.pdf")));
      done(t, "提供实施情况材料");

      work(t, "jigou", "征求意见与调查记录", number);
      assertThat(t.detailText()).contains("共收到 3 份答卷");
      t.form().rows("征求意见记录", 3);
      t.form().row("征求意见记录", 2).select("方式", "实地调研").date("日期", today.minusDays(3)).text("参与人数", 12)
          .text("收集意见数", 8).text("主要情况", "走访 3 个镇 6 个村的供水站和用户，收集意见 8 条。");
      t.form().row("征求意见记录", 3).select("方式", "座谈会").date("日期", today.minusDays(1)).text("参与人数", 15)
          .text("收集意见数", 11).text("主要情况", "召开人大代表、村民代表座谈会，收集意见 11 条。");
      done(t, "征求意见与调查记录");

      work(t, "jigou", "分析研判并形成初步结论", number);
      analysis(t, 82);
      done(t, "分析研判并形成初步结论");

      work(t, "jigou", "审核报告初稿", number);
      Path draft = download(t, "下载评估报告初稿");
      assertThat(draft.getFileName().toString()).as("the draft keeps its Chinese name").contains(number).endsWith(".docx");
      t.form().upload("修改后的报告", draft).check("已审阅报告初稿");
      done(t, "审核报告初稿");

      work(t, "jigou", "选择论证专家", number);
      t.form().choose("论证专家", "周法明", "吴振华");
      done(t, "选择论证专家");

      work(t, "zhuanjia1", "专家论证", number);
      t.form().choose("论证结论", "同意报告结论").text("论证意见", "评估方法得当，结论有据。");
      done(t, "专家论证-同意");

      work(t, "zhuanjia2", "专家论证", number);
      t.form().choose("论证结论", "不同意报告结论").text("论证意见", "山区供水保障的评分偏高。")
          .text("不同意的理由", "问卷样本中山区村比例偏低，执行情况得分应下调。");
      done(t, "专家论证-不同意");

      work(t, "jigou", "正式形成评估报告", number);
      assertThat(t.detailText()).contains("问卷样本中山区村比例偏低");
      t.form().text("修改说明", "采纳专家意见，补充山区村样本分析；不同意意见如实写入报告附件。");
      String gate = t.submitExpectingRefusal("答卷");
      t.shot("正式形成评估报告-问卷答卷不足被拒绝");
      assertThat(gate).contains("只收到 3 份答卷");
      t.form().text("答卷不足的说明", "山区村网络条件有限，网上答卷较少，已以实地调研和座谈会补充听取意见。");
      done(t, "正式形成评估报告");

      work(t, "zhengfu", "决策机关审定", number);
      t.form().choose("审定意见", "审定通过").select("处理决定", "调整决策内容")
          .text("理由", "总体达到预期，山区村供水保障需调整实施方案。")
          .check("公开评估摘要").text("公开的摘要", "城乡供水一体化改革总体达到预期，山区村供水保障将调整实施方案。");
      done(t, "决策机关审定");

      work(t, "zjj", "采取补救措施", number);
      t.form().text("采取的措施", "对 23 个山区村增设加压泵站。").text("避免或减少的经济损失和不良社会影响", "避免夏季用水高峰断水。")
          .text("尚存风险及应对安排", "无");
      done(t, "采取补救措施");
    }

    assertNoEnglishWasSeen();
    Jobs.drain(engine, number);
    HistoricProcessInstance evaluation = evaluation(number);
    assertThat(evaluation.getEndTime()).as("the evaluation has ended").isNotNull();
    assertThat(variable(evaluation, EvaluationVariables.EVALUATION_OUTCOME)).isEqualTo("ADJUST");
    assertThat(variable(evaluation, EvaluationVariables.AGENCY_ID)).isEqualTo("demo");
    assertThat(Http.anonymous(port).get("/public/api/evaluations").body()).as("the published summary")
        .contains(number).contains("山区村供水保障将调整实施方案");
  }

}
