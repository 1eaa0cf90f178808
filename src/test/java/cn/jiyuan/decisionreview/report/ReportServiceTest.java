package cn.jiyuan.decisionreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.report.ReportData.Approval;
import cn.jiyuan.decisionreview.report.ReportData.Consultation;
import cn.jiyuan.decisionreview.report.ReportData.Contributor;
import cn.jiyuan.decisionreview.report.ReportData.DimensionResult;
import cn.jiyuan.decisionreview.report.ReportData.Evaluator;
import cn.jiyuan.decisionreview.report.ReportData.ExpertOpinion;
import cn.jiyuan.decisionreview.report.ReportData.Material;
import cn.jiyuan.decisionreview.report.ReportData.TeamMember;
import cn.jiyuan.decisionreview.report.ReportData.TimelineEntry;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.ScoreText;
import cn.jiyuan.decisionreview.support.Covers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;

class ReportServiceTest {

  static final String MEASURES =
      "《济源市重大行政决策实施情况跟踪反馈与后评估办法》（济政办〔2022〕4号，有效期至2027年12月31日）";
  static final String DISSENT_REASON = "问卷样本中农村学校占比偏低，满意度结论的代表性不足，建议补充抽样后再定等级";

  final ReportService service = new ReportService();

  static ReportData realistic(boolean draft) {
    return new ReportData(
        "济政〔2026〕3号",
        "济源市中小学课后服务实施方案",
        "市教育局",
        "济源产城融合示范区管理委员会",
        "执行评估",
        "第十九条第一款",
        new Evaluator("自行评估", false, "市司法局", null, null),
        "完整程序",
        "整体评估",
        List.of(
            new TeamMember("王明远", "市司法局", "评估承担单位人员", "0391-6630001"),
            new TeamMember("赵丽华", "市人大代表（济源职业技术学院）", "人大代表", null)),
        List.of(new Contributor("王明远", "市司法局", "成立评估小组")),
        List.of(
            new TimelineEntry(LocalDate.of(2026, 9, 1), "成立评估小组"),
            new TimelineEntry(LocalDate.of(2026, 9, 8), "评估方案经决策机关批准"),
            new TimelineEntry(LocalDate.of(2026, 10, 15), "完成问卷调查和座谈会"),
            new TimelineEntry(LocalDate.of(2026, 11, 10), "形成初步结论")),
        List.of(
            new Consultation("网上问卷调查", LocalDate.of(2026, 10, 8), 1268, 214,
                "面向学生家长和教师发放问卷，86.3%的家长对课后服务表示满意或很满意；主要意见集中在收费标准和看护时长。"),
            new Consultation("座谈会", LocalDate.of(2026, 10, 15), 18, 27,
                "邀请校长、教师代表、家长代表和社区代表座谈。\n农村学校反映师资不足，教师工作量明显增加。")),
        List.of(
            new DimensionResult("第七条第（一）项", "合法性与协调性", 95,
                "方案与《义务教育法》及国家关于课后服务的政策规定一致，与同位阶的其他决策协调。"),
            new DimensionResult("第七条第（二）项", "执行情况与措施的必要性、适当性", 84,
                "全市112所义务教育学校已全部开展课后服务，覆盖率100%；弹性离校措施针对性较强。"),
            new DimensionResult("第七条第（四）项", "与经济社会发展方向的符合程度及公众认知度、满意度", 78,
                "公众知晓率91.2%，满意度86.3%；农村学校满意度明显低于城区学校。")),
        "课后服务参与学生4.6万人，参与率82.5%，家长接送难问题明显缓解。",
        "收费和教师补助标准缺少动态调整机制，农村学校师资保障制度有待完善。",
        "市教育局提供了2025—2026学年实施数据，反映农村学校师资不足、经费保障压力较大，建议建立弹性用工机制。",
        86.35,
        "良好",
        "继续实施",
        "决策总体达到预期目的，执行到位，群众满意度较高，建议继续实施并完善配套制度。",
        "一是建立收费标准动态调整机制；\n二是加大农村学校课后服务师资统筹力度。",
        "部分农村学校问卷回收率较低，相关结论仅供参考。",
        List.of(
            new Material("2025-2026学年课后服务实施情况统计表.xlsx", 48_213, "刘芳", "2026-10-08T09:30:00+08:00"),
            new Material("课后服务经费使用情况说明.pdf", 1_204_224, "刘芳", "2026-10-09T16:05:00+08:00")),
        List.of(
            new ExpertOpinion("周法明", "同意", "报告结构完整，结论依据充分。", null, LocalDate.of(2026, 11, 20)),
            new ExpertOpinion("吴振华", "不同意", "建议补充农村学校抽样数据。", DISSENT_REASON, LocalDate.of(2026, 11, 21))),
        MEASURES,
        LocalDate.of(2026, 11, 27),
        draft);
  }

  static ReportData empty(boolean draft) {
    return new ReportData(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, draft);
  }

  @BeforeAll
  static void writeExample() throws IOException {
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("report-example.docx"), new ReportService().render(realistic(false)));
    Files.write(target.resolve("report-example-draft.docx"), new ReportService().render(realistic(true)));
  }

  // ------------------------------------------------------------------ content

  @cn.jiyuan.decisionreview.support.Covers({"第十六条", "第十七条"})
  @Test
  void theReportShowsThePreviousItemsInItsBasicInformationAndListsItsOwnRecommendations() throws IOException {
    ReportData withItems = realistic(false).withFollowUp(new ReportData.FollowUp(
        List.of(new ReportData.FollowUpItem(1, "完善收费与补助机制", "市教育局", "完善配套制度", "2026-03-12",
            "已办结（单位报告已完成）", "办法已印发"),
            new ReportData.FollowUpItem(2, "纳入城市更新规划", "市住房和城乡建设局", "修改决策内容", "", "未采纳", "")),
        List.of(new ReportData.FollowUpItem(1, "扩大农村学校覆盖面", "市教育局", "改进行政管理", "20 个工作日", "", ""))));
    try (XWPFDocument doc = open(service.render(withItems))) {
      String all = allText(doc);
      assertThat(all).contains("上一次评估整改建议的落实情况", "提出整改建议2条，决策机关采纳1条，其中已办结1条、尚未办结0条",
          "完善收费与补助机制", "已办结（单位报告已完成）", "整改建议清单", "扩大农村学校覆盖面", "20 个工作日");
      assertThat(all.indexOf("上一次评估整改建议的落实情况")).isLessThan(all.indexOf("二、评估内容分析"));
      assertThat(all.indexOf("整改建议清单")).isGreaterThan(all.indexOf("三、评估结论及建议"));
    }
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      assertThat(allText(doc)).doesNotContain("上一次评估整改建议", "整改建议清单");
    }
  }

  @Test
  void titleIsTheFirstParagraphInXiaobiaosongErhaoCentred() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      XWPFParagraph title = doc.getParagraphs().get(0);
      // too long for one line: broken between its parts, so that the document number stays in one piece
      assertThat(title.getText()).isEqualTo("关于《济源市中小学课后服务实施方案》\n（济政〔2026〕3号）\n跟踪反馈与后评估的报告");
      assertThat(title.getText().replace("\n", ""))
          .isEqualTo("关于《济源市中小学课后服务实施方案》（济政〔2026〕3号）跟踪反馈与后评估的报告");
      assertThat(title.getAlignment()).hasToString("CENTER");
      XWPFRun run = title.getRuns().get(0);
      assertThat(run.getFontFamily(FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
      assertThat(run.getFontFamily(FontCharRange.ascii)).isEqualTo("方正小标宋简体");
      assertThat(run.getFontSizeAsDouble()).isEqualTo(22.0);
    }
  }

  /** Art. 27: the report names the rule versions the audit trail recorded for the decision, in section 四. */
  @Test
  void theReportNamesTheRuleVersionsApplied() throws IOException {
    ReportService withRules = new ReportService();
    List<String> asked = new java.util.ArrayList<>();
    withRules.setAppliedRules(number -> {
      asked.add(number);
      return List.of("跟踪反馈与后评估启动（evaluationTrigger）第 2 版", "评估等级（evaluationGrade）第 1 版");
    });
    try (XWPFDocument doc = open(withRules.render(realistic(false)))) {
      List<String> texts = paragraphTexts(doc);
      String sentence = "本次跟踪和评估适用的决策规则：跟踪反馈与后评估启动（evaluationTrigger）第 2 版、评估等级（evaluationGrade）第 1 版。";
      assertThat(texts).contains(sentence);
      assertThat(texts.indexOf(sentence)).isGreaterThan(texts.indexOf("四、其他需要说明的问题"));
    }
    assertThat(asked).containsExactly("济政〔2026〕3号");
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      assertThat(paragraphTexts(doc)).noneMatch(t -> t.startsWith("本次跟踪和评估适用的决策规则"));
    }
  }

  @Test
  void sectionsFollowArticle14InOrderAndAnnexesComeLast() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      List<String> texts = paragraphTexts(doc);
      int s1 = texts.indexOf("一、基本情况");
      int s2 = texts.indexOf("二、评估内容分析");
      int s3 = texts.indexOf("三、评估结论及建议");
      int s4 = texts.indexOf("四、其他需要说明的问题");
      int annexList = indexWhere(texts, t -> t.startsWith("附件：1. 实施情况材料清单"));
      int annex1 = texts.indexOf("附件1");
      int annex3 = texts.indexOf("附件3");
      assertThat(List.of(s1, s2, s3, s4, annexList, annex1, annex3)).doesNotContain(-1).isSorted();
      assertThat(texts).contains("2. 征求意见与调查记录", "3. 专家论证意见", "附件2");

      XWPFParagraph heading = doc.getParagraphs().get(s1);
      assertThat(heading.getRuns().get(0).getFontFamily(FontCharRange.eastAsia)).isEqualTo("黑体");
      XWPFParagraph subHeading = doc.getParagraphs().get(s1 + 1);
      assertThat(subHeading.getText()).isEqualTo("（一）评估对象");
      assertThat(subHeading.getRuns().get(0).getFontFamily(FontCharRange.eastAsia)).isEqualTo("楷体_GB2312");

      // addressed to the authority (主送), the lead names the evaluator and the evaluation
      assertThat(texts.get(2)).isEqualTo("济源产城融合示范区管理委员会：");
      assertThat(doc.getParagraphs().get(2).getIndentationFirstLine()).isLessThanOrEqualTo(0);
      String lead = texts.get(3);
      assertThat(lead).startsWith("根据重大行政决策跟踪反馈与后评估工作有关规定，市司法局对《济源市中小学课后服务实施方案》（济政〔2026〕3号）")
          .contains("执行评估").endsWith("现将有关情况报告如下。");

      // signature block: the author (the undertaking unit of a self-evaluation) and the date, after the 附件说明
      // and before the annexes; the authority, which approves the report, does not sign it
      int signer = texts.lastIndexOf("市司法局");
      int date = texts.indexOf("2026年11月27日");
      assertThat(List.of(annexList, signer, date, annex1)).isSorted();
      assertThat(date).isEqualTo(signer + 1);
      assertThat(doc.getParagraphs().get(date).getAlignment()).hasToString("RIGHT");
      assertThat(doc.getParagraphs().get(signer).getAlignment()).hasToString("RIGHT");
      assertThat(texts).doesNotContain("济源产城融合示范区管理委员会");
    }
  }

  @Test
  void basicInformationHasTeamTimelineAndParticipationTables() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      String all = allText(doc);
      assertThat(all).contains("决策执行单位为市教育局", "本次评估类型为执行评估，启动依据为第十九条第一款。",
          "本次评估为自行评估，由市司法局承担评估具体工作。", "本次评估采用完整程序，评估范围为整体评估。");
      assertThat(paragraphTexts(doc)).contains("（三）评估主体和评估小组");
      // with a team, the team is the list of evaluators; the contributors table is for evaluations without one
      assertThat(all).doesNotContain("承担的工作");
      XWPFTable team = tableWithHeader(doc, "姓名");
      assertThat(rowTexts(team, 0)).containsExactly("姓名", "单位", "类别", "联系方式");
      assertThat(rowTexts(team, 1)).containsExactly("王明远", "市司法局", "评估承担单位人员", "0391-6630001");
      // a missing contact is an empty cell, not a placeholder
      assertThat(rowTexts(team, 2)).containsExactly("赵丽华", "市人大代表（济源职业技术学院）", "人大代表", "");

      XWPFTable timeline = tableWithHeader(doc, "日期");
      assertThat(rowTexts(timeline, 0)).containsExactly("日期", "环节");
      assertThat(rowTexts(timeline, 2)).containsExactly("2026年9月8日", "评估方案经决策机关批准");

      XWPFTable participation = tableWithHeader(doc, "方式");
      assertThat(rowTexts(participation, 0)).containsExactly("方式", "日期", "参与人数", "意见数", "主要情况");
      assertThat(rowTexts(participation, 1)).startsWith("网上问卷调查", "2026年10月8日", "1268", "214");
      assertThat(rowTexts(participation, 3)).startsWith("合计", "2次", "1286", "241");
      assertThat(all).contains("通过网上问卷调查、座谈会等方式广泛听取意见，共开展2次，参与1286人次，收集意见241条");
      // a multi-line summary becomes line breaks inside the cell
      assertThat(participation.getRow(2).getCell(4).getText()).contains("农村学校反映师资不足");
    }
  }

  @Test
  void analysisListsEachDimensionWithScoreAndFindings() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      List<String> texts = paragraphTexts(doc);
      int legality = texts.indexOf("（一）合法性与协调性（第七条第（一）项）");
      assertThat(legality).isPositive();
      assertThat(texts.get(legality + 1)).isEqualTo("评分：95.0 分。");
      assertThat(texts.get(legality + 2)).startsWith("方案与《义务教育法》");
      assertThat(texts).contains(
          "（二）执行情况与措施的必要性、适当性（第七条第（二）项）", "评分：84.0 分。",
          "（三）与经济社会发展方向的符合程度及公众认知度、满意度（第七条第（四）项）", "评分：78.0 分。",
          "（四）实施绩效", "（五）制度设计", "（六）执行单位反映的实施情况、问题和建议");
      assertThat(texts).contains("全市112所义务教育学校已全部开展课后服务，覆盖率100%；弹性离校措施针对性较强。",
          "课后服务参与学生4.6万人，参与率82.5%，家长接送难问题明显缓解。",
          "收费和教师补助标准缺少动态调整机制，农村学校师资保障制度有待完善。");
      assertThat(indexWhere(texts, t -> t.startsWith("市教育局提供了2025—2026学年实施数据"))).isPositive();
    }
  }

  @Test
  void conclusionsOtherIssuesAndMeasuresVersion() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts).contains("综合得分：86.4 分。", "评估等级：良好。", "建议处理意见：继续实施。",
          "决策总体达到预期目的，执行到位，群众满意度较高，建议继续实施并完善配套制度。",
          "一是建立收费标准动态调整机制；", "二是加大农村学校课后服务师资统筹力度。",
          "部分农村学校问卷回收率较低，相关结论仅供参考。",
          "本次评估适用" + MEASURES + "。");
      assertThat(texts.indexOf("本次评估适用" + MEASURES + "。"))
          .isGreaterThan(texts.indexOf("四、其他需要说明的问题"))
          .isLessThan(texts.indexOf("附件1"));
    }
  }

  @Covers({"第十四条", "条例第三十八条"})
  @Test
  void annexesListMaterialsConsultationsAndExpertOpinionsWithVisibleDissent() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      XWPFTable materials = tableWithHeader(doc, "序号");
      assertThat(rowTexts(materials, 0)).containsExactly("序号", "文件名", "大小（KB）", "提交人", "提交时间");
      assertThat(rowTexts(materials, 1))
          .containsExactly("1", "2025-2026学年课后服务实施情况统计表.xlsx", "47.1", "刘芳", "2026-10-08 09:30");
      assertThat(rowTexts(materials, 2)).contains("1176.0", "2026-10-09 16:05");

      List<String> texts = paragraphTexts(doc);
      assertThat(texts).contains("（一）网上问卷调查（2026年10月8日）", "参与人数：18人；收集意见：27条。");

      XWPFTable experts = tableWithHeader(doc, "专家");
      assertThat(rowTexts(experts, 0)).containsExactly("专家", "结论", "意见", "不同意见及理由");
      assertThat(rowTexts(experts, 1)).containsExactly("周法明\n2026年11月20日", "同意", "报告结构完整，结论依据充分。", "无");
      assertThat(rowTexts(experts, 2)).contains("不同意", DISSENT_REASON);
      String dissent = "专家吴振华不同意报告结论，理由：" + DISSENT_REASON + "。";
      assertThat(texts).contains(dissent); // in the annex
      String inBody = "专家论证中，" + dissent + "详见附件3。";
      assertThat(texts).contains(inBody); // and in part 四 of the body
      assertThat(texts.indexOf(inBody)).isLessThan(texts.indexOf("附件1"));
    }
  }

  // ------------------------------------------------------------------ layout

  @Test
  void pageIsA4WithOfficialDocumentMargins() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      CTPageSz size = doc.getDocument().getBody().getSectPr().getPgSz();
      assertThat(twips(size.getW())).isEqualTo(11906L);
      assertThat(twips(size.getH())).isEqualTo(16838L);
      CTPageMar mar = doc.getDocument().getBody().getSectPr().getPgMar();
      assertThat(twips(mar.getTop())).isBetween(2060L, 2130L); // 3.7 cm
      assertThat(twips(mar.getBottom())).isBetween(1950L, 2010L); // 3.5 cm
      assertThat(twips(mar.getLeft())).isBetween(1560L, 1620L); // 2.8 cm
      assertThat(twips(mar.getRight())).isBetween(1440L, 1500L); // 2.6 cm
    }
  }

  @Test
  void bodyIsFangsongSanhaoWithExactLineSpacing() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      List<String> texts = paragraphTexts(doc);
      XWPFParagraph findings = doc.getParagraphs().get(indexWhere(texts, t -> t.startsWith("方案与《义务教育法》")));
      for (XWPFRun run : findings.getRuns()) {
        assertThat(run.getFontFamily(FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
        assertThat(run.getFontFamily(FontCharRange.ascii)).isEqualTo("仿宋_GB2312");
        assertThat(run.getFontFamily(FontCharRange.hAnsi)).isEqualTo("仿宋_GB2312");
        assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);
      }
      assertThat(findings.getSpacingLineRule()).hasToString("EXACT");
      assertThat(findings.getSpacingBetween()).isBetween(28.0, 29.0);
      assertThat(findings.getIndentationFirstLine()).isEqualTo(640);
      // every run of the body carries an east-Asian font
      for (XWPFParagraph p : doc.getParagraphs()) {
        for (XWPFRun run : p.getRuns()) {
          assertThat(run.getFontFamily(FontCharRange.eastAsia)).as(p.getText()).isNotBlank();
        }
      }
    }
  }

  @Test
  void footerHasCentredPageFieldBetweenDashes() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      XWPFFooter footer = doc.getHeaderFooterPolicy().getDefaultFooter();
      assertThat(footer).isNotNull();
      XWPFParagraph p = footer.getParagraphs().get(0);
      assertThat(p.getAlignment()).hasToString("CENTER");
      String xml = p.getCTP().xmlText();
      assertThat(xml).contains("w:fldCharType=\"begin\"", "w:fldCharType=\"end\"");
      assertThat(xml).containsPattern("<w:instrText[^>]*> PAGE </w:instrText>");
      assertThat(p.getText()).startsWith("— ").endsWith(" —");
    }
  }

  @Test
  void coreProperties() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      var core = doc.getProperties().getCoreProperties();
      assertThat(core.getTitle()).isEqualTo("关于《济源市中小学课后服务实施方案》（济政〔2026〕3号）跟踪反馈与后评估的报告");
      assertThat(core.getCreator()).isEqualTo("重大行政决策跟踪反馈与后评估系统");
      assertThat(core.getCreated()).isNotNull();
    }
  }

  @Test
  void theDocumentIsDatedByTheApplicationsClock() throws IOException {
    Instant approved = Instant.parse("2026-03-02T02:00:00Z");
    ReportService dated = new ReportService(Clock.fixed(approved, BeijingClock.ZONE));
    try (XWPFDocument doc = open(dated.render(realistic(false)))) {
      assertThat(doc.getProperties().getCoreProperties().getCreated()).isEqualTo(Date.from(approved));
    }
  }

  // ------------------------------------------------------------------ draft

  @Test
  void draftMarkersOnlyInDraft() throws IOException {
    try (XWPFDocument draft = open(service.render(realistic(true)))) {
      assertThat(draft.getParagraphs().get(1).getText()).isEqualTo("（初稿）");
      XWPFHeader header = draft.getHeaderFooterPolicy().getDefaultHeader();
      assertThat(header).isNotNull();
      assertThat(header.getText()).contains("初稿 仅供审核");
      assertThat(draft.getProperties().getCoreProperties().getTitle()).endsWith("（初稿）");
    }
    try (XWPFDocument finalReport = open(service.render(realistic(false)))) {
      assertThat(allText(finalReport)).doesNotContain("初稿");
      XWPFHeader header = finalReport.getHeaderFooterPolicy().getDefaultHeader();
      assertThat(header == null ? "" : header.getText()).doesNotContain("初稿");
    }
  }

  // ------------------------------------------------------------------ file name

  @Test
  void fileNameContainsTheDecisionNumberAndIsSafe() {
    assertThat(ReportService.fileName("济政〔2026〕3号", true)).isEqualTo("济政〔2026〕3号-跟踪反馈与后评估报告（初稿）.docx");
    assertThat(ReportService.fileName("济政〔2026〕3号", false)).isEqualTo("济政〔2026〕3号-跟踪反馈与后评估报告.docx");
    String odd = ReportService.fileName("济/政:〔2026〕*3?号\"<>|\\", false);
    assertThat(odd).isEqualTo("济政〔2026〕3号-跟踪反馈与后评估报告.docx").doesNotContainPattern("[/\\\\:*?\"<>|]");
    assertThat(ReportService.fileName(null, false)).endsWith(".docx").doesNotContain("/");
    assertThat(ReportService.MIME_TYPE)
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  // ------------------------------------------------------------------ null tolerance

  @Test
  void rendersWithAllFieldsMissingWithoutPlaceholders() throws IOException {
    byte[] bytes = service.render(empty(false));
    try (XWPFDocument doc = open(bytes)) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts.get(0)).isEqualTo("重大行政决策跟踪反馈与后评估报告");
      assertThat(texts).contains("一、基本情况", "（一）评估对象", "本次评估的对象为该重大行政决策。", "二、评估内容分析",
          "三、评估结论及建议", "四、其他需要说明的问题", "无其他需要说明的问题。", "附件1", "附件3", "无。");
      // nothing that was not filled in is mentioned: no placeholder, no empty sentence, no empty section
      assertThat(allText(doc)).doesNotContain("未填写", "null", "（二）", "评估小组", "综合得分", "本次评估适用", "评分");
      assertThat(doc.getTables()).isEmpty();
    }
    ReportData emptyLists = new ReportData("济政〔2026〕9号", "测试", "市教育局", "管委会", "触发评估", "第八条第（三）项",
        null, "简易程序", "部分评估", List.of(), List.of(), List.of(), List.of(), List.of(),
        " ", null, null, null, null, null, null, null, null, List.of(), List.of(), null, null, true);
    try (XWPFDocument doc = open(service.render(emptyLists))) {
      assertThat(paragraphTexts(doc)).contains("简易程序，未组织专家论证。", "（初稿）", "（三）评估程序和工作过程");
      assertThat(allText(doc)).doesNotContain("null", "未填写", "公众参与情况");
    }
    // null elements and null fields inside lists
    List<TeamMember> team = new ArrayList<>();
    team.add(null);
    team.add(new TeamMember(null, null, null, null));
    ReportData partial = new ReportData(null, null, null, null, null, null, null, null, null, team, null,
        List.of(new TimelineEntry(null, null)), List.of(new Consultation(null, null, null, null, null)),
        List.of(new DimensionResult(null, null, null, null)), null, null, null, null, null, null, null, null, null,
        List.of(new Material(null, 0, null, null)), List.of(new ExpertOpinion(null, null, null, null, null)),
        null, null, false);
    try (XWPFDocument doc = open(service.render(partial))) {
      assertThat(doc.getTables()).hasSize(5);
      assertThat(paragraphTexts(doc)).contains("（一）评估内容");
      assertThat(allText(doc)).doesNotContain("null", "未填写", "评分");
    }
  }

  @Test
  void optionalFieldsThatAreEmptyAreLeftOutAndTheNumberingCloses() throws IOException {
    ReportData d = with(with(with(realistic(false), "institutionalDesign", null), "preliminaryConclusion", " "),
        "legalBasis", null);
    try (XWPFDocument doc = open(service.render(d))) {
      List<String> texts = paragraphTexts(doc);
      assertThat(allText(doc)).doesNotContain("未填写", "启动依据");
      assertThat(texts).noneMatch(t -> t.matches("（.）(制度设计|初步结论)"));
      assertThat(texts).contains("本次评估类型为执行评估。", "（四）实施绩效", "（五）执行单位反映的实施情况、问题和建议",
          "（一）综合评价", "（二）建议");
    }
  }

  @Test
  void enteredPunctuationNeverDoublesTheReportsOwn() throws IOException {
    ReportData d = with(with(with(with(realistic(false),
        "evaluator", new Evaluator("委托评估", true, "市司法局", "郑州大学公共政策研究中心", "对课后服务实施情况开展整体评估，形成评估报告。")),
        "gradeLabel", "良好。"),
        "measuresVersion", MEASURES + "。"),
        "preliminaryConclusion", "总体达到预期目的。。");
    d = with(with(d, "recommendations", "一是加快资金拨付；\n二是完善出资比例"), "implementationPerformance", "完成率 90%");
    try (XWPFDocument doc = open(service.render(d))) {
      String all = allText(doc);
      // a person's paragraph ends as a sentence; a list keeps its semicolons
      assertThat(paragraphTexts(doc)).contains("一是加快资金拨付；", "二是完善出资比例。", "完成率 90%。");
      assertThat(all).contains("委托范围为对课后服务实施情况开展整体评估，形成评估报告；郑州大学公共政策研究中心已承诺",
          "评估等级：良好。\n", "本次评估适用" + MEASURES + "。\n", "总体达到预期目的。\n");
      assertThat(all).doesNotContain("。；", "。。", "；。", "，。", "。，");
      assertThat(all).doesNotContainPattern("[。；，、：]{2}");
    }
    assertThat(ReportText.sentence("形成评估报告；")).isEqualTo("形成评估报告。");
    assertThat(ReportText.sentence("（第二十一条）")).isEqualTo("（第二十一条）。");
    assertThat(ReportText.clause("形成评估报告。 ")).isEqualTo("形成评估报告");
    assertThat(ReportText.tidy("报告。；机构")).isEqualTo("报告；机构");
  }

  @Test
  void scoresAreWrittenOneWay() throws IOException {
    assertThat(ScoreText.of(76)).isEqualTo("76.0 分");
    assertThat(ScoreText.of(76.0)).isEqualTo("76.0 分");
    assertThat(ScoreText.of(86.35)).isEqualTo("86.4 分");
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      // every score in the report, dimension or weighted, has one decimal and a space before 分
      List<String> scores = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?\\s?分").matcher(allText(doc));
      while (m.find()) {
        scores.add(m.group());
      }
      assertThat(scores).containsExactly("95.0 分", "84.0 分", "78.0 分", "86.4 分");
    }
  }

  @Test
  void aReportWithoutTeamNamesThePeopleWhoDidTheWork() throws IOException {
    ReportData simplified = with(with(with(realistic(false), "team", List.of()), "procedureLabel", "简易程序（第十五条）"),
        "contributors", List.of(
            new Contributor("王明远", "市司法局", "征求意见与调查记录、分析研判并形成初步结论、审核报告初稿、正式形成评估报告"),
            new Contributor("张伟", "市发展和改革委员会", "提供实施情况材料")));
    try (XWPFDocument doc = open(service.render(simplified))) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts).contains("（三）评估主体和评估人员", "本次评估为自行评估，由市司法局承担评估具体工作。",
          "本次评估采用简易程序，未成立评估小组，参与评估工作的人员如下：");
      XWPFTable people = tableWithHeader(doc, "姓名");
      assertThat(rowTexts(people, 0)).containsExactly("姓名", "单位", "承担的工作");
      assertThat(rowTexts(people, 1)).containsExactly("王明远", "市司法局",
          "征求意见与调查记录、分析研判并形成初步结论、审核报告初稿、正式形成评估报告");
      assertThat(rowTexts(people, 2)).containsExactly("张伟", "市发展和改革委员会", "提供实施情况材料");
      assertThat(allText(doc)).doesNotContain("评估小组成员：无");
    }
  }

  @Test
  void aCommissionedReportIsSignedByTheAgencyAndAddressedToTheAuthority() throws IOException {
    ReportData commissioned = with(realistic(false), "evaluator",
        new Evaluator("委托评估", true, "市司法局", "郑州大学公共政策研究中心", "对课后服务实施情况进行整体评估"));
    try (XWPFDocument doc = open(service.render(commissioned))) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts.get(2)).isEqualTo("济源产城融合示范区管理委员会：");
      assertThat(texts.get(3)).startsWith("根据重大行政决策跟踪反馈与后评估工作有关规定，受市司法局委托，郑州大学公共政策研究中心对《");
      assertThat(texts).contains("本次评估为委托评估（第二十一条），由市司法局委托郑州大学公共政策研究中心开展，委托范围为对课后服务实施情况进行整体评估；"
          + "郑州大学公共政策研究中心已承诺在委托范围内开展工作，不将委托事项转包给其他单位或者个人。");
      int signer = texts.lastIndexOf("郑州大学公共政策研究中心");
      assertThat(signer).isPositive();
      assertThat(texts.get(signer + 1)).isEqualTo("2026年11月27日");
      assertThat(signer).isGreaterThan(indexWhere(texts, t -> t.startsWith("附件：1."))).isLessThan(texts.indexOf("附件1"));
      assertThat(doc.getParagraphs().get(signer).getAlignment()).hasToString("RIGHT");
      assertThat(texts).doesNotContain("济源产城融合示范区管理委员会", "市司法局");
    }
  }

  // ------------------------------------------------------------------ approval

  static final Approval APPROVAL = new Approval("审定通过", "调整决策内容",
      "课后服务总体成效明显，但农村学校师资不足，需调整补助标准。\n请市教育局三个月内报送调整方案。",
      "济源产城融合示范区管理委员会", "李建国", LocalDate.of(2026, 12, 15));

  @Test
  void theApprovedReportRecordsTheAuthoritysDecisionAndReasons() throws IOException {
    byte[] rendered = service.render(realistic(false));
    byte[] approved = service.appendApproval(rendered, APPROVAL);
    Files.write(Path.of("target", "report-example-approved.docx"), approved);
    try (XWPFDocument doc = open(approved)) {
      List<String> texts = paragraphTexts(doc);
      int page = texts.indexOf("决策机关审定意见");
      assertThat(page).isGreaterThan(texts.indexOf("附件3"));
      assertThat(doc.getParagraphs().get(page).isPageBreak()).isTrue();
      assertThat(texts.subList(page, texts.size())).contains("审定结论：审定通过。", "处理决定：调整决策内容。",
          "理由：课后服务总体成效明显，但农村学校师资不足，需调整补助标准。", "请市教育局三个月内报送调整方案。", "经办人：李建国",
          "济源产城融合示范区管理委员会", "2026年12月15日");
      // the authority signs its decision; the report above keeps its own signature
      assertThat(texts.lastIndexOf("济源产城融合示范区管理委员会")).isGreaterThan(page);
      assertThat(texts.indexOf("市司法局")).isLessThan(texts.indexOf("附件1"));
      assertThat(doc.getTables()).hasSize(open(rendered).getTables().size());
    }
    // recorded again (e.g. after a return and a second approval): replaced, not repeated
    byte[] again = service.appendApproval(approved, new Approval("审定通过", "继续执行", "成效明显", "济源产城融合示范区管理委员会",
        null, LocalDate.of(2026, 12, 20)));
    try (XWPFDocument doc = open(again)) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts.stream().filter("决策机关审定意见"::equals).count()).isEqualTo(1);
      assertThat(texts).contains("处理决定：继续执行。", "理由：成效明显。", "2026年12月20日").doesNotContain("处理决定：调整决策内容。");
      assertThat(allText(doc)).doesNotContain("经办人");
    }
  }

  @Test
  void anUploadedRevisionGetsTheApprovalPageAtTheEnd() throws IOException {
    byte[] foreign;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("经评估小组修改的报告正文。");
      doc.write(out);
      foreign = out.toByteArray();
    }
    byte[] withExperts = service.appendExpertOpinions(foreign, realistic(false).expertOpinions());
    try (XWPFDocument doc = open(service.appendApproval(withExperts, APPROVAL))) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts.get(0)).isEqualTo("经评估小组修改的报告正文。");
      assertThat(texts.indexOf("决策机关审定意见")).isGreaterThan(texts.indexOf("附件：专家论证意见"));
      assertThat(texts).contains("处理决定：调整决策内容。");
    }
    assertThatThrownBy(() -> service.appendApproval("x".getBytes(), APPROVAL)).isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ expert annex

  @Test
  void appendExpertOpinionsReplacesTheRenderedAnnex() throws IOException {
    ReportData draft = realistic(true);
    ReportData withoutOpinions = with(draft, "expertOpinions", List.of());
    byte[] rendered = service.render(withoutOpinions);
    int tablesBefore;
    try (XWPFDocument doc = open(rendered)) {
      tablesBefore = doc.getTables().size();
      assertThat(paragraphTexts(doc)).contains("报告初稿尚待专家论证，论证意见在论证后附入。");
    }

    byte[] updated = service.appendExpertOpinions(rendered, realistic(false).expertOpinions());
    Files.write(Path.of("target", "report-example-appended.docx"), updated);
    try (XWPFDocument doc = open(updated)) {
      assertThat(doc.getTables()).hasSize(tablesBefore + 1);
      XWPFTable experts = tableWithHeader(doc, "专家");
      assertThat(rowTexts(experts, 0)).containsExactly("专家", "结论", "意见", "不同意见及理由");
      assertThat(rowTexts(experts, 2)).contains("吴振华\n2026年11月21日", DISSENT_REASON);
      List<String> texts = paragraphTexts(doc);
      assertThat(texts).doesNotContain("报告初稿尚待专家论证，论证意见在论证后附入。");
      assertThat(texts.stream().filter("附件3"::equals).count()).isEqualTo(1);
      assertThat(texts).contains("专家吴振华不同意报告结论，理由：" + DISSENT_REASON + "。");
      XWPFParagraph annex = doc.getParagraphs().get(texts.indexOf("附件3"));
      assertThat(annex.isPageBreak()).isTrue();
      // the rest of the report is untouched
      assertThat(texts).contains("四、其他需要说明的问题", "附件1", "附件2", "2026年11月27日");
    }

    // a second call updates rather than duplicates
    byte[] again = service.appendExpertOpinions(updated, List.of(realistic(false).expertOpinions().get(0)));
    try (XWPFDocument doc = open(again)) {
      assertThat(doc.getTables()).hasSize(tablesBefore + 1);
      assertThat(allText(doc)).doesNotContain("吴振华").contains("参与论证的1名专家均未提出不同意见。");
    }
  }

  @Test
  void appendExpertOpinionsToAForeignDocumentAddsAnAnnexAtTheEnd() throws IOException {
    byte[] foreign;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("经评估小组修改的报告正文。");
      doc.write(out);
      foreign = out.toByteArray();
    }
    byte[] updated = service.appendExpertOpinions(foreign, realistic(false).expertOpinions());
    try (XWPFDocument doc = open(updated)) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts.get(0)).isEqualTo("经评估小组修改的报告正文。");
      int heading = texts.indexOf("附件：专家论证意见");
      assertThat(heading).isPositive();
      assertThat(doc.getParagraphs().get(heading).isPageBreak()).isTrue();
      assertThat(doc.getTables()).hasSize(1);
      assertThat(rowTexts(doc.getTables().get(0), 0)).containsExactly("专家", "结论", "意见", "不同意见及理由");
      assertThat(texts).contains("专家吴振华不同意报告结论，理由：" + DISSENT_REASON + "。");
    }
    byte[] again = service.appendExpertOpinions(updated, List.of());
    try (XWPFDocument doc = open(again)) {
      assertThat(paragraphTexts(doc).stream().filter("附件：专家论证意见"::equals).count()).isEqualTo(1);
      assertThat(doc.getTables()).isEmpty();
      assertThat(paragraphTexts(doc)).contains("无。");
    }
  }

  @Test
  void appendExpertOpinionsRejectsNonDocx() {
    assertThatThrownBy(() -> service.appendExpertOpinions("not a docx".getBytes(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("docx");
    assertThatThrownBy(() -> service.appendExpertOpinions(new byte[0], List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shortTitlesUseFewerLines() {
    ReportData shortTitle = with(with(empty(false), "decisionNumber", "济政〔2026〕9号"), "decisionTitle", "测试方案");
    assertThat(ReportService.titleLines(shortTitle)).containsExactly("关于《测试方案》（济政〔2026〕9号）", "跟踪反馈与后评估的报告");
    assertThat(ReportService.titleLines(empty(false))).containsExactly("重大行政决策跟踪反馈与后评估报告");
    assertThat(ReportService.titleLines(with(empty(false), "decisionNumber", "济政〔2026〕9号")))
        .containsExactly("关于济政〔2026〕9号", "跟踪反馈与后评估的报告");
  }

  @Test
  void chineseNumbers() {
    assertThat(ReportService.chineseNumber(1)).isEqualTo("一");
    assertThat(ReportService.chineseNumber(10)).isEqualTo("十");
    assertThat(ReportService.chineseNumber(12)).isEqualTo("十二");
    assertThat(ReportService.chineseNumber(20)).isEqualTo("二十");
    assertThat(ReportService.chineseNumber(21)).isEqualTo("二十一");
  }

  // ------------------------------------------------------------------ helpers

  /** A copy of {@code d} with one component, named as in the record, replaced. */
  static ReportData with(ReportData d, String component, Object value) {
    RecordComponent[] components = ReportData.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean found = false;
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        boolean replaced = components[i].getName().equals(component);
        found |= replaced;
        args[i] = replaced ? value : components[i].getAccessor().invoke(d);
      }
      if (!found) {
        throw new IllegalArgumentException("no component " + component);
      }
      return ReportData.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static XWPFDocument open(byte[] bytes) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  static List<String> paragraphTexts(XWPFDocument doc) {
    return doc.getParagraphs().stream().map(p -> p.getText().strip()).toList();
  }

  static String allText(XWPFDocument doc) {
    StringBuilder sb = new StringBuilder();
    for (IBodyElement e : doc.getBodyElements()) {
      if (e instanceof XWPFParagraph p) {
        sb.append(p.getText()).append('\n');
      } else if (e instanceof XWPFTable t) {
        sb.append(t.getText()).append('\n');
      }
    }
    return sb.toString();
  }

  static XWPFTable tableWithHeader(XWPFDocument doc, String firstHeader) {
    return doc.getTables().stream()
        .filter(t -> t.getRow(0).getCell(0).getText().equals(firstHeader))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table with header " + firstHeader));
  }

  static List<String> rowTexts(XWPFTable table, int row) {
    return table.getRow(row).getTableCells().stream().map(XWPFTableCell::getText).collect(Collectors.toList());
  }

  static int indexWhere(List<String> texts, java.util.function.Predicate<String> predicate) {
    for (int i = 0; i < texts.size(); i++) {
      if (predicate.test(texts.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static long twips(Object value) {
    return ((BigInteger) value).longValue();
  }
}
