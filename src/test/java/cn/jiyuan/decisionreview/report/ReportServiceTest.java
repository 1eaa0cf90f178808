package cn.jiyuan.decisionreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.report.ReportData.Consultation;
import cn.jiyuan.decisionreview.report.ReportData.DimensionResult;
import cn.jiyuan.decisionreview.report.ReportData.ExpertOpinion;
import cn.jiyuan.decisionreview.report.ReportData.Material;
import cn.jiyuan.decisionreview.report.ReportData.TeamMember;
import cn.jiyuan.decisionreview.report.ReportData.TimelineEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
        "本次评估由市司法局自行组织，市教育局配合提供材料，评估小组邀请人大代表、法律专家参加。",
        "完整程序",
        "整体评估",
        List.of(
            new TeamMember("王明远", "市司法局", "评估承担单位人员", "0391-6630001"),
            new TeamMember("赵丽华", "市人大代表（济源职业技术学院）", "人大代表", null)),
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
        null, null, null, null, null, null, null, null, null, null, null, draft);
  }

  @BeforeAll
  static void writeExample() throws IOException {
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("report-example.docx"), new ReportService().render(realistic(false)));
    Files.write(target.resolve("report-example-draft.docx"), new ReportService().render(realistic(true)));
  }

  // ------------------------------------------------------------------ content

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

      // lead paragraph names the authority and the evaluation
      String lead = texts.get(2);
      assertThat(lead).contains("济源产城融合示范区管理委员会", "《济源市中小学课后服务实施方案》（济政〔2026〕3号）", "执行评估");

      // signature block: authority and date, after the 附件说明 and before the annexes
      int signer = texts.lastIndexOf("济源产城融合示范区管理委员会");
      int date = texts.indexOf("2026年11月27日");
      assertThat(List.of(annexList, signer, date, annex1)).isSorted();
      assertThat(date).isEqualTo(signer + 1);
      assertThat(doc.getParagraphs().get(date).getAlignment()).hasToString("RIGHT");
    }
  }

  @Test
  void basicInformationHasTeamTimelineAndParticipationTables() throws IOException {
    try (XWPFDocument doc = open(service.render(realistic(false)))) {
      String all = allText(doc);
      assertThat(all).contains("决策执行单位为市教育局", "本次评估类型为执行评估，启动依据为第十九条第一款",
          "本次评估由市司法局自行组织", "本次评估采用完整程序，评估范围为整体评估");
      XWPFTable team = tableWithHeader(doc, "姓名");
      assertThat(rowTexts(team, 0)).containsExactly("姓名", "单位", "类别", "联系方式");
      assertThat(rowTexts(team, 1)).containsExactly("王明远", "市司法局", "评估承担单位人员", "0391-6630001");
      assertThat(rowTexts(team, 2)).containsExactly("赵丽华", "市人大代表（济源职业技术学院）", "人大代表", "无");

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
      assertThat(texts.get(legality + 1)).isEqualTo("评分：95分");
      assertThat(texts.get(legality + 2)).startsWith("方案与《义务教育法》");
      assertThat(texts).contains(
          "（二）执行情况与措施的必要性、适当性（第七条第（二）项）", "评分：84分",
          "（三）与经济社会发展方向的符合程度及公众认知度、满意度（第七条第（四）项）", "评分：78分",
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
      assertThat(texts).contains("综合得分：86.4分。", "评估等级：良好。", "建议处理意见：继续实施。",
          "决策总体达到预期目的，执行到位，群众满意度较高，建议继续实施并完善配套制度。",
          "一是建立收费标准动态调整机制；", "二是加大农村学校课后服务师资统筹力度。",
          "部分农村学校问卷回收率较低，相关结论仅供参考。",
          "本次评估适用" + MEASURES + "。");
      assertThat(texts.indexOf("本次评估适用" + MEASURES + "。"))
          .isGreaterThan(texts.indexOf("四、其他需要说明的问题"))
          .isLessThan(texts.indexOf("附件1"));
    }
  }

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
  void rendersWithAllFieldsMissing() throws IOException {
    byte[] bytes = service.render(empty(false));
    try (XWPFDocument doc = open(bytes)) {
      List<String> texts = paragraphTexts(doc);
      assertThat(texts.get(0)).isEqualTo("关于《（未填写）》跟踪反馈与后评估的报告");
      assertThat(texts).contains("一、基本情况", "二、评估内容分析", "三、评估结论及建议", "四、其他需要说明的问题",
          "评估小组成员：无。", "主要工作过程：无。", "征求意见与调查情况：无。", "综合得分：（未填写）",
          "无其他需要说明的问题。", "本次评估适用（未填写）。", "附件1", "附件3", "无。");
      assertThat(doc.getTables()).isEmpty();
      assertThat(allText(doc)).doesNotContain("null");
    }
    ReportData emptyLists = new ReportData("济政〔2026〕9号", "测试", "市教育局", "管委会", "触发评估", "第八条第（三）项",
        "", "简易程序", "部分评估", List.of(), List.of(), List.of(), List.of(),
        " ", null, null, null, null, null, null, null, null, List.of(), List.of(), null, null, true);
    try (XWPFDocument doc = open(service.render(emptyLists))) {
      assertThat(paragraphTexts(doc)).contains("（简易程序，未组织专家论证）", "（初稿）");
      assertThat(allText(doc)).doesNotContain("null");
    }
    // null elements and null fields inside lists
    List<TeamMember> team = new ArrayList<>();
    team.add(null);
    team.add(new TeamMember(null, null, null, null));
    ReportData partial = new ReportData(null, null, null, null, null, null, null, null, null, team,
        List.of(new TimelineEntry(null, null)), List.of(new Consultation(null, null, null, null, null)),
        List.of(new DimensionResult(null, null, null, null)), null, null, null, null, null, null, null, null, null,
        List.of(new Material(null, 0, null, null)), List.of(new ExpertOpinion(null, null, null, null, null)),
        null, null, false);
    try (XWPFDocument doc = open(service.render(partial))) {
      assertThat(doc.getTables()).hasSize(5);
      assertThat(paragraphTexts(doc)).contains("（一）（未填写）", "评分：（未填写）");
      assertThat(allText(doc)).doesNotContain("null");
    }
  }

  // ------------------------------------------------------------------ expert annex

  @Test
  void appendExpertOpinionsReplacesTheRenderedAnnex() throws IOException {
    ReportData draft = realistic(true);
    ReportData withoutOpinions = new ReportData(draft.decisionNumber(), draft.decisionTitle(),
        draft.executingUnitName(), draft.authorityName(), draft.evaluationTypeLabel(), draft.legalBasis(),
        draft.evaluatorDescription(), draft.procedureLabel(), draft.scopeLabel(), draft.team(), draft.timeline(),
        draft.consultations(), draft.dimensions(), draft.implementationPerformance(), draft.institutionalDesign(),
        draft.implementationSummary(), draft.weightedScore(), draft.gradeLabel(), draft.suggestedOutcomeLabel(),
        draft.preliminaryConclusion(), draft.recommendations(), draft.otherIssues(), draft.materials(), List.of(),
        draft.measuresVersion(), draft.reportDate(), true);
    byte[] rendered = service.render(withoutOpinions);
    int tablesBefore;
    try (XWPFDocument doc = open(rendered)) {
      tablesBefore = doc.getTables().size();
      assertThat(paragraphTexts(doc)).contains("无（报告初稿尚待专家论证，论证意见在论证后附入）。");
    }

    byte[] updated = service.appendExpertOpinions(rendered, realistic(false).expertOpinions());
    Files.write(Path.of("target", "report-example-appended.docx"), updated);
    try (XWPFDocument doc = open(updated)) {
      assertThat(doc.getTables()).hasSize(tablesBefore + 1);
      XWPFTable experts = tableWithHeader(doc, "专家");
      assertThat(rowTexts(experts, 0)).containsExactly("专家", "结论", "意见", "不同意见及理由");
      assertThat(rowTexts(experts, 2)).contains("吴振华\n2026年11月21日", DISSENT_REASON);
      List<String> texts = paragraphTexts(doc);
      assertThat(texts).doesNotContain("无（报告初稿尚待专家论证，论证意见在论证后附入）。");
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
    ReportData shortTitle = new ReportData("济政〔2026〕9号", "测试方案", null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false);
    assertThat(ReportService.titleLines(shortTitle)).containsExactly("关于《测试方案》（济政〔2026〕9号）", "跟踪反馈与后评估的报告");
    assertThat(ReportService.titleLines(empty(false))).containsExactly("关于《（未填写）》跟踪反馈与后评估的报告");
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
