package cn.jiyuan.decisionreview.report;

import static cn.jiyuan.decisionreview.report.OfficialDocx.CHAR_TWIPS;
import static cn.jiyuan.decisionreview.report.OfficialDocx.FANGSONG;
import static cn.jiyuan.decisionreview.report.OfficialDocx.HEITI;
import static cn.jiyuan.decisionreview.report.OfficialDocx.KAITI;

import cn.jiyuan.decisionreview.report.ReportData.Consultation;
import cn.jiyuan.decisionreview.report.ReportData.DimensionResult;
import cn.jiyuan.decisionreview.report.ReportData.ExpertOpinion;
import cn.jiyuan.decisionreview.report.ReportData.Material;
import cn.jiyuan.decisionreview.report.ReportData.TeamMember;
import cn.jiyuan.decisionreview.report.ReportData.TimelineEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.springframework.stereotype.Service;

/**
 * Assembles the 跟踪反馈与后评估报告 (Art. 13, 14 of the Jiyuan Measures) as a Word document in the layout of
 * Chinese official documents (GB/T 9704-2012). The four parts required by Art. 14 are the sections 一 to 四;
 * the material list, the consultation records and the expert opinions follow the signature as attachments.
 * No engine is needed: callers map process variables to {@link ReportData}.
 */
@Service
public class ReportService {

  public static final String MIME_TYPE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String CREATOR = "重大行政决策跟踪反馈与后评估系统";
  public static final String DRAFT_NOTE = "初稿 仅供审核";

  /** Bookmark on the first paragraph of the expert annex, so that {@link #appendExpertOpinions} can replace it. */
  static final String EXPERT_ANNEX_BOOKMARK = "expert_opinions_annex";
  static final String EXPERT_ANNEX_HEADING = "附件：专家论证意见";
  static final String EXPERT_ANNEX_TITLE = "专家论证意见";

  private static final String MISSING = "（未填写）";
  private static final String NONE = "无";
  private static final String[] ANNEXES = {"实施情况材料清单", "征求意见与调查记录", EXPERT_ANNEX_TITLE};
  private static final DateTimeFormatter UPLOAD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  // ================================================================== public API

  /** The report as a .docx. */
  public byte[] render(ReportData data) {
    Objects.requireNonNull(data, "data");
    try (XWPFDocument doc = new XWPFDocument()) {
      OfficialDocx w = new OfficialDocx(doc);
      w.setUpPage();
      w.pageNumberFooter();
      if (data.draft()) {
        w.headerNote(DRAFT_NOTE);
      }
      properties(doc, data);

      titleAndLead(w, data);
      basicInformation(w, data);
      analysis(w, data);
      conclusions(w, data);
      otherIssues(w, data);
      annexListAndSignature(w, data);
      materialsAnnex(w, data);
      consultationsAnnex(w, data);
      expertAnnex(w, "附件3", list(data.expertOpinions()), data.procedureLabel(), data.draft());
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("报告生成失败", e);
    }
  }

  /**
   * Adds the expert opinions (Art. 13(2)) to an uploaded, possibly revised report. An annex written earlier by
   * this service (the 附件3 of {@link #render}, or a previous call) is replaced; otherwise a page break, the
   * heading "附件：专家论证意见" and the opinions table are appended at the end.
   *
   * @throws IllegalArgumentException if {@code docx} is not a Word .docx file
   */
  public byte[] appendExpertOpinions(byte[] docx, List<ExpertOpinion> opinions) {
    if (docx == null || docx.length == 0) {
      throw new IllegalArgumentException("报告文件为空");
    }
    XWPFDocument doc;
    try {
      doc = new XWPFDocument(new ByteArrayInputStream(docx));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("报告文件不是有效的 Word（.docx）文件", e);
    }
    try (doc) {
      String label = removeExpertAnnex(doc);
      OfficialDocx w = new OfficialDocx(doc);
      expertAnnex(w, label, list(opinions), null, false);
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("报告生成失败", e);
    }
  }

  /**
   * The download name, e.g. {@code 济政〔2026〕3号-跟踪反馈与后评估报告（初稿）.docx}. Characters that are illegal in
   * file names on Windows or Unix ({@code / \ : * ? " < > |} and control characters) are removed.
   */
  public static String fileName(String decisionNumber, boolean draft) {
    String number = decisionNumber == null ? "" : decisionNumber.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "").strip();
    if (number.isEmpty()) {
      number = "未编号决策";
    }
    return number + "-跟踪反馈与后评估报告" + (draft ? "（初稿）" : "") + ".docx";
  }

  /** The report title: 关于《{title}》（{number}）跟踪反馈与后评估的报告. */
  public static String title(ReportData data) {
    String title = text(data.decisionTitle()).replaceAll("^《(.*)》$", "$1");
    String number = blank(data.decisionNumber()) ? "" : "（" + data.decisionNumber().strip() + "）";
    return "关于《" + title + "》" + number + "跟踪反馈与后评估的报告";
  }

  /**
   * The title split into lines for display (菱形 or 梯形, GB/T 9704 §7.3.1): it breaks between 关于《…》, the
   * document number and 跟踪反馈与后评估的报告, never inside the number.
   */
  static String[] titleLines(ReportData data) {
    List<String> segments = new ArrayList<>();
    segments.add("关于《" + text(data.decisionTitle()).replaceAll("^《(.*)》$", "$1") + "》");
    if (!blank(data.decisionNumber())) {
      segments.add("（" + data.decisionNumber().strip() + "）");
    }
    segments.add("跟踪反馈与后评估的报告");
    return OfficialDocx.packTitle(segments).toArray(String[]::new);
  }

  // ================================================================== sections

  private static void titleAndLead(OfficialDocx w, ReportData d) {
    w.title(titleLines(d));
    if (d.draft()) {
      w.centred("（初稿）", KAITI);
    }
    w.blankLine();
    StringBuilder lead = new StringBuilder("根据重大行政决策跟踪反馈与后评估工作有关规定，");
    if (!blank(d.authorityName())) {
      lead.append(d.authorityName().strip()).append("组织");
    }
    lead.append("对").append(decisionReference(d)).append("的实施情况开展了")
        .append(or(d.evaluationTypeLabel(), "跟踪反馈与后评估"))
        .append("，依据决策实施情况、执行单位提供的材料和公众意见，对决策的实施绩效、制度设计等进行了分析评价，形成本报告。")
        .append("现将有关情况报告如下。");
    w.body(lead.toString());
  }

  /** 一、基本情况 (Art. 14(1)). */
  private static void basicInformation(OfficialDocx w, ReportData d) {
    w.heading1("一、基本情况");

    w.heading2("（一）评估对象");
    w.body("本次评估的对象为" + decisionReference(d) + "，决策执行单位为" + text(d.executingUnitName()) + "。");

    w.heading2("（二）评估类型及依据");
    w.body("本次评估类型为" + text(d.evaluationTypeLabel()) + "，启动依据为" + text(d.legalBasis()) + "。");

    w.heading2("（三）评估主体和评估小组");
    w.body(sentence(or(d.evaluatorDescription(), MISSING)));
    List<TeamMember> team = list(d.team());
    if (team.isEmpty()) {
      w.body("评估小组成员：无。");
    } else {
      w.intro("评估小组由以下" + team.size() + "名成员组成：");
      List<List<String>> rows = new ArrayList<>();
      for (TeamMember m : team) {
        rows.add(List.of(cell(m.name()), cell(m.organisation()), cell(m.category()), cellOrNone(m.contact())));
      }
      w.table(List.of("姓名", "单位", "类别", "联系方式"), new int[] {1400, 3400, 2000, 2044},
          new boolean[] {true, false, true, true}, rows);
    }

    w.heading2("（四）评估程序和工作过程");
    w.body("本次评估采用" + text(d.procedureLabel()) + "，评估范围为" + text(d.scopeLabel()) + "。");
    List<TimelineEntry> timeline = list(d.timeline());
    if (timeline.isEmpty()) {
      w.body("主要工作过程：无。");
    } else {
      w.intro("主要工作过程如下：");
      List<List<String>> rows = new ArrayList<>();
      for (TimelineEntry t : timeline) {
        rows.add(List.of(date(t.date()), cell(t.step())));
      }
      w.table(List.of("日期", "环节"), new int[] {2400, 6444}, new boolean[] {true, false}, rows);
    }

    w.heading2("（五）公众参与情况");
    List<Consultation> consultations = list(d.consultations());
    if (consultations.isEmpty()) {
      w.body("征求意见与调查情况：无。");
    } else {
      int participants = 0;
      int opinions = 0;
      Set<String> channels = new LinkedHashSet<>();
      for (Consultation c : consultations) {
        participants += c.participants() == null ? 0 : c.participants();
        opinions += c.opinionCount() == null ? 0 : c.opinionCount();
        if (!blank(c.channelLabel())) {
          channels.add(c.channelLabel().strip());
        }
      }
      w.intro("评估期间通过" + (channels.isEmpty() ? "多种方式" : String.join("、", channels)) + "等方式广泛听取意见，共开展"
          + consultations.size() + "次，参与" + participants + "人次，收集意见" + opinions + "条，具体情况如下：");
      List<List<String>> rows = new ArrayList<>();
      for (Consultation c : consultations) {
        rows.add(List.of(cell(c.channelLabel()), date(c.date()), count(c.participants()), count(c.opinionCount()),
            cellOrNone(c.summary())));
      }
      rows.add(List.of("合计", consultations.size() + "次", String.valueOf(participants), String.valueOf(opinions), ""));
      w.table(List.of("方式", "日期", "参与人数", "意见数", "主要情况"), new int[] {1300, 2300, 1200, 1000, 3044},
          new boolean[] {true, true, true, true, false}, rows);
    }
  }

  /** 二、评估内容分析 (Art. 14(2), Art. 7). */
  private static void analysis(OfficialDocx w, ReportData d) {
    w.heading1("二、评估内容分析");
    int n = 0;
    for (DimensionResult dim : list(d.dimensions())) {
      String article = blank(dim.article()) ? "" : "（" + dim.article().strip() + "）";
      w.heading2("（" + chineseNumber(++n) + "）" + text(dim.label()) + article);
      w.body("评分：" + (dim.score() == null ? MISSING : dim.score() + "分"));
      w.body(or(dim.findings(), MISSING));
    }
    w.heading2("（" + chineseNumber(++n) + "）实施绩效");
    w.body(or(d.implementationPerformance(), MISSING));
    w.heading2("（" + chineseNumber(++n) + "）制度设计");
    w.body(or(d.institutionalDesign(), MISSING));
    if (!blank(d.implementationSummary())) {
      w.heading2("（" + chineseNumber(++n) + "）执行单位反映的实施情况、问题和建议");
      w.body(d.implementationSummary());
    }
  }

  /** 三、评估结论及建议 (Art. 14(3), Art. 16). */
  private static void conclusions(OfficialDocx w, ReportData d) {
    w.heading1("三、评估结论及建议");
    w.heading2("（一）综合评价");
    w.labelled("综合得分：", d.weightedScore() == null ? MISSING
        : String.format(Locale.ROOT, "%.1f分。", d.weightedScore()));
    w.labelled("评估等级：", sentence(or(d.gradeLabel(), MISSING)));
    w.labelled("建议处理意见：", sentence(or(d.suggestedOutcomeLabel(), MISSING)));
    w.heading2("（二）初步结论");
    w.body(or(d.preliminaryConclusion(), MISSING));
    w.heading2("（三）建议");
    w.body(or(d.recommendations(), MISSING));
  }

  /** 四、其他需要说明的问题 (Art. 14(4), Art. 27). */
  private static void otherIssues(OfficialDocx w, ReportData d) {
    w.heading1("四、其他需要说明的问题");
    if (blank(d.otherIssues())) {
      w.body("无其他需要说明的问题。");
    } else {
      w.body(d.otherIssues());
    }
    for (ExpertOpinion o : list(d.expertOpinions())) {
      if (dissents(o)) {
        w.body("专家论证中，" + dissentSentence(o) + "详见附件3。");
      }
    }
    w.body("本次评估适用" + text(d.measuresVersion()) + "。").forEach(p -> p.setKeepNext(true));
  }

  /** 附件说明, then signature and date (GB/T 9704 §7.3.3–7.3.5). */
  private static void annexListAndSignature(OfficialDocx w, ReportData d) {
    // the last lines of the body, the annex list, the signature and the date stay on one page
    w.blankLine().setKeepNext(true);
    for (int i = 0; i < ANNEXES.length; i++) {
      String line = (i + 1) + ". " + ANNEXES[i];
      XWPFParagraph p;
      if (i == 0) {
        p = w.flushLeft("附件：" + line, FANGSONG, 0);
        p.setIndentationFirstLine(2 * CHAR_TWIPS);
      } else {
        p = w.flushLeft(line, FANGSONG, 5 * CHAR_TWIPS);
      }
      p.setKeepNext(true);
    }
    w.blankLine().setKeepNext(true);
    w.blankLine().setKeepNext(true);
    String signer = or(d.authorityName(), or(d.evaluatorDescription(), MISSING)).strip();
    String date = d.reportDate() == null ? MISSING : date(d.reportDate());
    double signerWidth = OfficialDocx.displayWidth(signer);
    double dateWidth = OfficialDocx.displayWidth(date);
    int dateIndent = 4 * CHAR_TWIPS;
    int signerIndent = dateIndent + (int) Math.round((dateWidth - signerWidth) / 2 * CHAR_TWIPS);
    if (signerIndent < dateIndent) {
      dateIndent += (dateIndent - signerIndent);
      signerIndent = 4 * CHAR_TWIPS;
    }
    w.rightAligned(signer, signerIndent).setKeepNext(true);
    w.rightAligned(date, dateIndent);
  }

  /** 附件1: the executing unit's materials (Art. 5). */
  private static void materialsAnnex(OfficialDocx w, ReportData d) {
    annexHeading(w, "附件1", ANNEXES[0]);
    List<Material> materials = list(d.materials());
    if (materials.isEmpty()) {
      w.body(NONE + "。");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    int i = 0;
    for (Material m : materials) {
      rows.add(List.of(String.valueOf(++i), cell(m.fileName()), kilobytes(m.size()), cell(m.uploadedBy()),
          uploadTime(m.uploadedAt())));
    }
    w.table(List.of("序号", "文件名", "大小（KB）", "提交人", "提交时间"), new int[] {750, 3144, 1150, 1200, 2600},
        new boolean[] {true, false, true, true, true}, rows);
  }

  /** 附件2: consultation and survey records (Art. 6, 12(2), 15). */
  private static void consultationsAnnex(OfficialDocx w, ReportData d) {
    annexHeading(w, "附件2", ANNEXES[1]);
    List<Consultation> consultations = list(d.consultations());
    if (consultations.isEmpty()) {
      w.body(NONE + "。");
      return;
    }
    int n = 0;
    for (Consultation c : consultations) {
      w.heading2("（" + chineseNumber(++n) + "）" + text(c.channelLabel())
          + (c.date() == null ? "" : "（" + date(c.date()) + "）"));
      w.body("参与人数：" + (c.participants() == null ? MISSING : c.participants() + "人")
          + "；收集意见：" + (c.opinionCount() == null ? MISSING : c.opinionCount() + "条") + "。");
      w.body(or(c.summary(), "主要情况：" + MISSING));
    }
  }

  /**
   * The expert annex (Art. 13(2)): a table, then one sentence per dissenting expert, so that dissent is recorded
   * in the words of Decree 713 Art. 38.
   */
  private static void expertAnnex(OfficialDocx w, String label, List<ExpertOpinion> opinions, String procedureLabel,
      boolean draft) {
    XWPFParagraph first;
    if (label == null) {
      first = w.heading1(EXPERT_ANNEX_HEADING);
      first.setIndentationFirstLine(0);
      w.blankLine();
    } else {
      first = annexHeading(w, label, EXPERT_ANNEX_TITLE);
    }
    w.pageBreakBefore(first);
    w.bookmark(first, EXPERT_ANNEX_BOOKMARK);

    if (opinions.isEmpty()) {
      if (procedureLabel != null && procedureLabel.contains("简易")) {
        w.body("（简易程序，未组织专家论证）");
      } else if (draft) {
        w.body("无（报告初稿尚待专家论证，论证意见在论证后附入）。");
      } else {
        w.body(NONE + "。");
      }
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ExpertOpinion o : opinions) {
      String expert = cell(o.expertName()) + (o.date() == null ? "" : "\n" + date(o.date()));
      String dissent = dissents(o) ? or(o.dissentReason(), MISSING) : NONE;
      rows.add(List.of(expert, cell(o.conclusionLabel()), cellOrNone(o.opinion()), dissent));
    }
    w.table(List.of("专家", "结论", "意见", "不同意见及理由"), new int[] {2400, 1100, 2800, 2544},
        new boolean[] {true, true, false, false}, rows);
    w.blankLine();
    List<ExpertOpinion> dissenting = opinions.stream().filter(ReportService::dissents).toList();
    if (dissenting.isEmpty()) {
      w.body("参与论证的" + opinions.size() + "名专家均未提出不同意见。");
    } else {
      for (ExpertOpinion o : dissenting) {
        w.body(dissentSentence(o));
      }
    }
  }

  private static XWPFParagraph annexHeading(OfficialDocx w, String label, String title) {
    XWPFParagraph first = w.flushLeft(label, HEITI, 0);
    w.pageBreakBefore(first);
    w.blankLine();
    w.title(title);
    w.blankLine();
    return first;
  }

  /**
   * Removes the expert annex written by this service (found by its bookmark, or by the heading text if the
   * bookmark was lost in editing) and everything after it.
   *
   * @return the annex label to reuse ("附件3"), or {@code null} for the generic heading
   */
  private static String removeExpertAnnex(XWPFDocument doc) {
    List<IBodyElement> elements = doc.getBodyElements();
    int anchor = -1;
    String label = null;
    for (int i = 0; i < elements.size() && anchor < 0; i++) {
      if (elements.get(i) instanceof XWPFParagraph p) {
        boolean bookmarked = p.getCTP().getBookmarkStartList().stream()
            .map(CTBookmark::getName).anyMatch(EXPERT_ANNEX_BOOKMARK::equals);
        if (bookmarked || EXPERT_ANNEX_HEADING.equals(p.getText().strip())) {
          anchor = i;
          String text = p.getText().strip();
          label = text.matches("附件\\d+") ? text : null;
        }
      }
    }
    if (anchor >= 0) {
      for (int i = doc.getBodyElements().size() - 1; i >= anchor; i--) {
        doc.removeBodyElement(i);
      }
    }
    return label;
  }

  // ================================================================== helpers

  private static void properties(XWPFDocument doc, ReportData d) {
    POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
    core.setTitle(title(d) + (d.draft() ? "（初稿）" : ""));
    core.setCreator(CREATOR);
    core.setLastModifiedByUser(CREATOR);
    core.setSubjectProperty("重大行政决策跟踪反馈与后评估报告");
    core.setKeywords(text(d.decisionNumber()));
    core.setCategory(d.draft() ? "初稿" : "正式稿");
    core.setDescription("依据" + text(d.measuresVersion()) + "第十四条生成");
    core.setCreated(Optional.of(new Date()));
    doc.getProperties().getExtendedProperties().setApplication(CREATOR);
  }

  private static byte[] bytes(XWPFDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.write(out);
    return out.toByteArray();
  }

  private static String decisionReference(ReportData d) {
    String title = text(d.decisionTitle()).replaceAll("^《(.*)》$", "$1");
    return "《" + title + "》" + (blank(d.decisionNumber()) ? "" : "（" + d.decisionNumber().strip() + "）");
  }

  static boolean dissents(ExpertOpinion o) {
    return !blank(o.dissentReason())
        || (o.conclusionLabel() != null && (o.conclusionLabel().contains("不同意") || o.conclusionLabel().contains("反对")));
  }

  private static String dissentSentence(ExpertOpinion o) {
    return "专家" + text(o.expertName()) + "不同意报告结论，理由：" + sentence(or(o.dissentReason(), MISSING));
  }

  /** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
  static String chineseNumber(int n) {
    String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) {
      return digits[n];
    }
    if (n < 20) {
      return "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }
    if (n < 100) {
      return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }
    return String.valueOf(n);
  }

  /** 2026-11-27 → 2026年11月27日. */
  static String date(LocalDate date) {
    return date == null ? MISSING : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private static String uploadTime(String value) {
    if (blank(value)) {
      return MISSING;
    }
    String v = value.strip();
    try {
      return OffsetDateTime.parse(v).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).format(UPLOAD_TIME);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v).format(UPLOAD_TIME);
      } catch (DateTimeParseException e2) {
        return v;
      }
    }
  }

  private static String kilobytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", Math.max(0, bytes) / 1024.0);
  }

  private static String count(Integer n) {
    return n == null ? MISSING : String.valueOf(n);
  }

  private static String cell(String s) {
    return or(s, MISSING);
  }

  private static String cellOrNone(String s) {
    return or(s, NONE);
  }

  /** Appends 。 unless the text already ends with punctuation. */
  private static String sentence(String s) {
    String t = s.strip();
    return t.isEmpty() || "。！？；…）)".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
  }

  private static String text(String s) {
    return or(s, MISSING).strip();
  }

  private static String or(String s, String fallback) {
    return blank(s) ? fallback : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
