package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.identity.TasklistFilterSeeder;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The centrepiece of “every step in Tasklist”: each evaluation step is done by the demo user who owns it, as a
 * person does it — log in, find the task in the first filter, claim it, fill the form by its Chinese labels, click
 * 提交 — and the next task appears for the next person. Screenshots of every step land in {@code target/e2e/}.
 * No step uses the REST or engine API; the engine is only read at the end to check what the walk left behind.
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class EvaluationWalkthroughBrowserIT {

  static final String MY_TASKS = TasklistFilterSeeder.MY_TASKS;
  static final List<String> FILTERS = List.of(MY_TASKS, TasklistFilterSeeder.UNIT_TASKS);
  static final String REGISTER = "重大行政决策登记与跟踪";
  static final String REQUEST = "申请启动跟踪反馈与后评估（第八条、第十八条）";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

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
      t.form().rows("征求意见记录", 2);
      t.form().row("征求意见记录", 1).select("方式", "实地调研").date("日期", today.minusDays(3)).text("参与人数", 12)
          .text("收集意见数", 8).text("主要情况", "走访 3 个镇 6 个村的供水站和用户，收集意见 8 条。");
      t.form().row("征求意见记录", 2).select("方式", "座谈会").date("日期", today.minusDays(1)).text("参与人数", 15)
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
      done(t, "正式形成评估报告");

      work(t, "zhengfu", "决策机关审定", number);
      t.form().choose("审定意见", "审定通过").select("处理决定", "调整决策内容")
          .text("理由", "总体达到预期，山区村供水保障需调整实施方案。");
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
    assertThat(variable(evaluation, EvaluationVariables.EVALUATION_OUTCOME.name())).isEqualTo("ADJUST");
    assertThat(variable(evaluation, EvaluationVariables.AGENCY_ID.name())).isEqualTo("demo");
  }

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
    assertThat(variable(evaluation, EvaluationVariables.PROCEDURE_TYPE.name())).isEqualTo("SIMPLIFIED");
    assertThat(variable(evaluation, EvaluationVariables.EVALUATION_OUTCOME.name())).isEqualTo("SUSPEND");
    HistoricProcessInstance tracking = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("decision-tracking").processInstanceBusinessKey(number).singleResult();
    assertThat(String.valueOf(variable(tracking, "trackingStatus"))).isEqualTo("TRACKING");
    assertThat(String.valueOf(variable(tracking, "evaluationHistory"))).contains("SUSPEND").contains("\"waived\":true");
  }

  // --- one step as a person does it --------------------------------------------------------------------------

  private void register(Tasklist t, String number, String title, String category, String unit) {
    t.login("zhengfu").startProcess(REGISTER);
    t.form().text("决策文号", number).text("决策名称", title).select("决策类别", category)
        .check("对公民权利义务发生普遍影响").date("执行开始日期", today.minusMonths(2)).select("执行单位", unit);
    noEnglish(t);
    t.shot("登记重大行政决策");
    t.submit();
  }

  /** An evaluation request (Art. 8) through the start form, by whoever may make it. */
  private void request(Tasklist t, String user, String number, String reason, String description) {
    t.login(user).startProcess(REQUEST);
    // the decision is picked from the list of tracked decisions the user may see, found by its number
    t.form().text("查找决策", number).select("决策", number).select("申请事由", reason).text("申请说明", description);
    noEnglish(t);
    t.shot("申请评估");
    t.submit();
  }

  private void work(Tasklist t, String user, String taskName, String number) {
    // The machine work after the previous person's step (reports, archive) runs as a job; run it now, as the job
    // executor would, so the walk does not depend on its timing.
    Jobs.drain(engine, number);
    t.login(user).openTask(FILTERS, taskName, number).claim();
    noEnglish(t);
  }

  private void done(Tasklist t, String what) {
    noEnglish(t);
    t.shot(what);
    t.submit();
    t.shot(what + "-已提交");
  }

  /** English left in a form is collected step by step and reported together at the end of the walk. */
  private final java.util.Map<String, List<String>> english = new java.util.LinkedHashMap<>();

  private void noEnglish(Tasklist t) {
    List<String> words = t.englishInForm();
    if (!words.isEmpty()) {
      english.merge(t.detailHeading(), words, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
    }
  }

  private void assertNoEnglishWasSeen() {
    assertThat(english).as("English words visible in forms, by page").isEmpty();
  }

  private void plan(Tasklist t, String schedule) {
    t.form().text("目的", "评估城乡供水一体化改革执行一年来的效果").text("对象与内容", "全市城乡供水管网、水质、水价与服务")
        .text("标准与方法", "按第七条六个方面评分；入户问卷、实地调研、座谈会").text("步骤与时间安排", schedule)
        .text("经费预算（元）", 180000).text("组织保障", "郑州大学公共政策研究中心组织实施，市住建局配合");
  }

  private static void analysis(Tasklist t, int score) {
    Tasklist.Form form = t.form();
    for (String dimension : List.of("合法性与协调性", "执行情况与措施的必要性、适当性", "执行程序的正当性与可操作性",
        "与发展方向的符合程度及公众认知度、满意度", "近期效益与长远影响", "实施结果与决策目的的符合程度")) {
      form.group(dimension).text("得分（0–100）", score).text("评估发现及依据", dimension + "：基本符合要求。");
    }
    form.text("实施绩效分析", "管网覆盖率由 71% 提高到 96%。").text("制度设计分析", "水价与补贴机制基本可行。")
        .text("初步结论", "改革总体达到预期。").text("意见建议", "加强山区村供水保障。");
  }

  /** Clicks the link and waits for the file to arrive, as a person's browser saves it. */
  private static Path download(Tasklist t, String linkText) throws Exception {
    List<Path> before;
    try (Stream<Path> files = Files.list(t.downloads())) {
      before = files.toList();
    }
    WebElement link = t.driver().findElement(By.xpath("//a[contains(normalize-space(.),'" + linkText + "')]"));
    link.click();
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try (Stream<Path> files = Files.list(t.downloads())) {
        List<Path> fresh = files.filter(f -> !before.contains(f) && f.toString().endsWith(".docx")).toList();
        if (!fresh.isEmpty()) {
          return fresh.get(0);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("“" + linkText + "”没有下载到文件");
  }

  /** A small but real PDF: the server checks the content, not only the name. */
  private static Path pdf(Path file) throws Exception {
    String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return Files.writeString(file, body, StandardCharsets.ISO_8859_1);
  }

  private HistoricProcessInstance evaluation(String number) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("post-evaluation")
        .processInstanceBusinessKey(number).singleResult();
  }

  private Object variable(HistoricProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }
}
