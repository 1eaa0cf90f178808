package cn.jiyuan.decisionreview.report;

import static cn.jiyuan.decisionreview.report.OfficialDocx.CHAR_TWIPS;
import static cn.jiyuan.decisionreview.report.OfficialDocx.FANGSONG;
import static cn.jiyuan.decisionreview.report.OfficialDocx.HEITI;
import static cn.jiyuan.decisionreview.report.OfficialDocx.KAITI;
import static cn.jiyuan.decisionreview.report.ReportText.blank;
import static cn.jiyuan.decisionreview.report.ReportText.clause;
import static cn.jiyuan.decisionreview.report.ReportText.sentence;

import cn.jiyuan.decisionreview.report.ReportData.Approval;
import cn.jiyuan.decisionreview.report.ReportData.Consultation;
import cn.jiyuan.decisionreview.report.ReportData.Contributor;
import cn.jiyuan.decisionreview.report.ReportData.DimensionResult;
import cn.jiyuan.decisionreview.report.ReportData.Evaluator;
import cn.jiyuan.decisionreview.report.ReportData.ExpertOpinion;
import cn.jiyuan.decisionreview.report.ReportData.Material;
import cn.jiyuan.decisionreview.report.ReportData.SurveyDimension;
import cn.jiyuan.decisionreview.report.ReportData.SurveySummary;
import cn.jiyuan.decisionreview.report.ReportData.TeamMember;
import cn.jiyuan.decisionreview.report.ReportData.TimelineEntry;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.ScoreText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Assembles the 跟踪反馈与后评估报告 (Art. 13, 14 of the Jiyuan Measures) as a Word document in the layout of
 * Chinese official documents (GB/T 9704-2012). The four parts required by Art. 14 are the sections 一 to 四;
 * the material list, the consultation records and the expert opinions follow the signature as attachments.
 * The report is addressed to the authority (主送) and signed by its author, the evaluator: the agency of a
 * commissioned evaluation (Art. 21), otherwise the undertaking unit. The authority's 审定 (Art. 13(4)) is added to
 * the approved report as a last page signed by the authority. Missing optional values leave their sentence out.
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
  /** Bookmark and title of the authority's 审定 page, so that {@link #appendApproval} can replace it. */
  static final String APPROVAL_BOOKMARK = "authority_approval";
  static final String APPROVAL_TITLE = "决策机关审定意见";

  private static final String NONE = "无";
  private static final String[] ANNEXES = {"实施情况材料清单", "征求意见与调查记录", EXPERT_ANNEX_TITLE};
  private static final DateTimeFormatter UPLOAD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;

  /** Names the rule versions applied to a decision's processes (Art. 27); outside the application there are none. */
  public interface AppliedRules {
    /** E.g. "跟踪反馈与后评估启动（evaluationTrigger）第 2 版", one per rule and version, in the order applied. */
    List<String> describe(String decisionNumber);
  }

  private AppliedRules appliedRules = decisionNumber -> List.of();

  @Autowired(required = false)
  public void setAppliedRules(AppliedRules appliedRules) {
    this.appliedRules = appliedRules;
  }

  /** @param clock the application's BeijingClock: the document is dated by the engine's time, as its content is */
  @Autowired
  public ReportService(Clock clock) {
    this.clock = clock;
  }

  /** Outside Spring (tests, tools): dated by the application's one clock all the same. */
  public ReportService() {
    this(BeijingClock.INSTANCE);
  }

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
      appliedRules(w, data);
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
    try (XWPFDocument doc = open(docx)) {
      String label = removeFrom(doc, EXPERT_ANNEX_BOOKMARK, EXPERT_ANNEX_HEADING);
      OfficialDocx w = new OfficialDocx(doc);
      expertAnnex(w, label != null && label.matches("附件\\d+") ? label : null, list(opinions), null, false);
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("报告生成失败", e);
    }
  }

  /**
   * Records the authority's 审定 (Art. 13(4), 16) on the approved report: a last page 决策机关审定意见 with the
   * decision, the 处理决定 and its reasons, signed by the authority and dated. A page written earlier is replaced.
   * The report above it stays as its author wrote it.
   *
   * @throws IllegalArgumentException if {@code docx} is not a Word .docx file
   */
  public byte[] appendApproval(byte[] docx, Approval approval) {
    Objects.requireNonNull(approval, "approval");
    try (XWPFDocument doc = open(docx)) {
      removeFrom(doc, APPROVAL_BOOKMARK, APPROVAL_TITLE);
      OfficialDocx w = new OfficialDocx(doc);
      XWPFParagraph first = w.title(APPROVAL_TITLE);
      w.pageBreakBefore(first);
      w.bookmark(first, APPROVAL_BOOKMARK);
      w.blankLine();
      w.labelled("审定结论：", sentence(or(approval.decisionLabel(), "审定通过")));
      if (!blank(approval.outcomeLabel())) {
        w.labelled("处理决定：", sentence(approval.outcomeLabel()));
      }
      if (!blank(approval.reasons())) {
        List<String> lines = OfficialDocx.lines(approval.reasons());
        w.labelled("理由：", sentence(lines.get(0)));
        lines.stream().skip(1).forEach(line -> w.body(sentence(line)));
      }
      if (!blank(approval.approvedBy())) {
        w.labelled("经办人：", approval.approvedBy().strip());
      }
      w.body("依据第十三条第（四）项，本报告经决策机关审定；依据第十六条，本报告作为修改、中止或者终止执行重大行政决策、"
          + "完善配套制度和改进行政执法、行政管理工作的重要依据。");
      signature(w, approval.authorityName(), approval.date());
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
    return String.join("", titleSegments(data));
  }

  /**
   * The title split into lines for display (菱形 or 梯形, GB/T 9704 §7.3.1): it breaks between 关于《…》, the
   * document number and 跟踪反馈与后评估的报告, never inside the number.
   */
  static String[] titleLines(ReportData data) {
    return OfficialDocx.packTitle(titleSegments(data)).toArray(String[]::new);
  }

  private static List<String> titleSegments(ReportData d) {
    List<String> segments = new ArrayList<>();
    boolean hasTitle = !blank(d.decisionTitle());
    boolean hasNumber = !blank(d.decisionNumber());
    if (!hasTitle && !hasNumber) {
      segments.add("重大行政决策跟踪反馈与后评估报告");
      return segments;
    }
    segments.add(hasTitle ? "关于《" + bareTitle(d) + "》" : "关于");
    if (hasNumber) {
      segments.add(hasTitle ? "（" + d.decisionNumber().strip() + "）" : d.decisionNumber().strip());
    }
    segments.add("跟踪反馈与后评估的报告");
    return segments;
  }

  // ================================================================== sections

  private static void titleAndLead(OfficialDocx w, ReportData d) {
    w.title(titleLines(d));
    if (d.draft()) {
      w.centred("（初稿）", KAITI);
    }
    w.blankLine();
    // 主送机关 (GB/T 9704 §7.3.2): the report goes to the authority for 审定 (Art. 13(4))
    if (!blank(d.authorityName())) {
      w.flushLeft(d.authorityName().strip() + "：", FANGSONG, 0);
    }
    StringBuilder lead = new StringBuilder("根据重大行政决策跟踪反馈与后评估工作有关规定，");
    Evaluator e = d.evaluator();
    if (e != null && e.author() != null) {
      if (e.commissioned() && !blank(e.undertakingUnitName())) {
        lead.append("受").append(e.undertakingUnitName().strip()).append("委托，");
      }
      lead.append(e.author());
    }
    lead.append("对").append(decisionReference(d)).append("的实施情况开展了")
        .append(or(d.evaluationTypeLabel(), "跟踪反馈与后评估").strip())
        .append("，依据决策实施情况、执行单位提供的材料和公众意见，对决策的实施绩效、制度设计等进行了分析评价，形成本报告。")
        .append("现将有关情况报告如下。");
    w.body(lead.toString());
  }

  /** 一、基本情况 (Art. 14(1)). */
  private static void basicInformation(OfficialDocx w, ReportData d) {
    w.heading1("一、基本情况");
    Numbering n = new Numbering();

    w.heading2(n.next() + "评估对象");
    w.body("本次评估的对象为" + decisionReference(d)
        + (blank(d.executingUnitName()) ? "" : "，决策执行单位为" + d.executingUnitName().strip()) + "。");

    List<String> typeAndBasis = new ArrayList<>();
    if (!blank(d.evaluationTypeLabel())) {
      typeAndBasis.add("本次评估类型为" + clause(d.evaluationTypeLabel()));
    }
    if (!blank(d.legalBasis())) {
      typeAndBasis.add((typeAndBasis.isEmpty() ? "本次评估的" : "") + "启动依据为" + clause(d.legalBasis()));
    }
    if (!typeAndBasis.isEmpty()) {
      w.heading2(n.next() + "评估类型及依据");
      w.body(String.join("，", typeAndBasis) + "。");
    }

    evaluators(w, d, n);

    List<String> procedure = new ArrayList<>();
    if (!blank(d.procedureLabel())) {
      procedure.add("本次评估采用" + clause(d.procedureLabel()));
    }
    if (!blank(d.scopeLabel())) {
      procedure.add((procedure.isEmpty() ? "本次评估的" : "") + "评估范围为" + clause(d.scopeLabel()));
    }
    List<TimelineEntry> timeline = list(d.timeline());
    if (!procedure.isEmpty() || !timeline.isEmpty()) {
      w.heading2(n.next() + "评估程序和工作过程");
      if (!procedure.isEmpty()) {
        w.body(String.join("，", procedure) + "。");
      }
      if (!timeline.isEmpty()) {
        w.intro("主要工作过程如下：");
        List<List<String>> rows = new ArrayList<>();
        for (TimelineEntry t : timeline) {
          rows.add(List.of(ReportText.date(t.date()), cell(t.step())));
        }
        w.table(List.of("日期", "环节"), new int[] {2400, 6444}, new boolean[] {true, false}, rows);
      }
    }

    List<ReportData.FollowUpItem> previous = d.followUp() == null ? List.of() : list(d.followUp().previous());
    if (!previous.isEmpty()) {
      w.heading2(n.next() + "上一次评估整改建议的落实情况");
      long closed = previous.stream().filter(p -> cell(p.statusLabel()).startsWith("已办结")).count();
      long rejected = previous.stream().filter(p -> cell(p.statusLabel()).startsWith("未采纳")).count();
      w.intro("该决策上一次评估提出整改建议" + previous.size() + "条，决策机关采纳" + (previous.size() - rejected) + "条，其中已办结"
          + closed + "条、尚未办结" + (previous.size() - rejected - closed) + "条（第十六条、第十七条），具体情况如下：");
      List<List<String>> rows = new ArrayList<>();
      for (ReportData.FollowUpItem p : previous) {
        rows.add(List.of(String.valueOf(p.no()), cell(p.text()), cell(p.unitName()), cell(p.deadline()),
            cell(p.statusLabel()), cell(p.measures())));
      }
      w.table(List.of("序号", "整改事项", "责任单位", "整改期限", "落实情况", "采取的措施"),
          new int[] {700, 2600, 1500, 1300, 1300, 1444}, new boolean[] {true, false, false, true, true, false}, rows);
    }

    List<Consultation> consultations = list(d.consultations());
    if (!consultations.isEmpty() || d.survey() != null) {
      w.heading2(n.next() + "公众参与情况");
    }
    if (!consultations.isEmpty()) {
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
      w.intro("评估期间通过" + (channels.isEmpty() ? "多种方式" : String.join("、", channels) + "等方式") + "广泛听取意见，共开展"
          + consultations.size() + "次，参与" + participants + "人次，收集意见" + opinions + "条，具体情况如下：");
      List<List<String>> rows = new ArrayList<>();
      for (Consultation c : consultations) {
        rows.add(List.of(cell(c.channelLabel()), ReportText.date(c.date()), count(c.participants()),
            count(c.opinionCount()), cell(c.summary())));
      }
      rows.add(List.of("合计", consultations.size() + "次", String.valueOf(participants), String.valueOf(opinions), ""));
      w.table(List.of("方式", "日期", "参与人数", "意见数", "主要情况"), new int[] {1300, 2300, 1200, 1000, 3044},
          new boolean[] {true, true, true, true, false}, rows);
    }
    if (d.survey() != null) {
      surveyResults(w, d.survey());
    }
  }

  /** The online questionnaire's results (Art. 12) in two sentences, then its two charts. */
  private static void surveyResults(OfficialDocx w, SurveySummary s) {
    StringBuilder text = new StringBuilder("网上问卷调查");
    if (s.closedOn() != null) {
      text.append("于").append(ReportText.date(s.closedOn())).append("结束征集，");
    }
    text.append("共收到答卷").append(s.responseCount()).append("份");
    if (s.awareness() != null) {
      text.append("；对满意度题目作出评价（未选“不清楚”）的占").append(percent(s.awareness()))
          .append("，反映公众对决策的认知度");
    }
    text.append("。");
    List<SurveyDimension> dimensions = list(s.dimensions());
    List<String> scores = dimensions.stream().filter(x -> x.score() != null)
        .map(x -> cell(x.label()) + ScoreText.of(x.score()).replace(" ", "")).toList();
    if (!scores.isEmpty()) {
      text.append("按“很满意”5分至“很不满意”1分折算为百分制，各维度满意度得分为：").append(String.join("，", scores))
          .append(scores.size() < dimensions.size() ? "；其余维度没有有效评价" : "").append("。");
    }
    w.body(text.toString());
    if (s.responseCount() > 0 && !dimensions.isEmpty()) {
      w.intro("各维度满意度分布和得分见下图。");
      SurveyCharts.add(w, s);
    }
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /**
   * （三）评估主体: who evaluated (Art. 11, 15, 21), then the team (Art. 11(1)); without a team (simplified
   * procedure, Art. 15) the people who did the work, so that the report always names its evaluators.
   */
  private static void evaluators(OfficialDocx w, ReportData d, Numbering n) {
    Evaluator e = d.evaluator();
    List<TeamMember> team = list(d.team());
    List<Contributor> contributors = list(d.contributors());
    String who = evaluatorSentence(e);
    if (who == null && team.isEmpty() && contributors.isEmpty()) {
      return;
    }
    w.heading2(n.next() + (team.isEmpty() ? "评估主体和评估人员" : "评估主体和评估小组"));
    if (who != null) {
      w.body(who);
    }
    if (!team.isEmpty()) {
      w.intro("评估小组由以下" + team.size() + "名成员组成：");
      List<List<String>> rows = new ArrayList<>();
      for (TeamMember m : team) {
        rows.add(List.of(cell(m.name()), cell(m.organisation()), cell(m.category()), cell(m.contact())));
      }
      w.table(List.of("姓名", "单位", "类别", "联系方式"), new int[] {1400, 3400, 2000, 2044},
          new boolean[] {true, false, true, true}, rows);
    } else if (!contributors.isEmpty()) {
      boolean simplified = d.procedureLabel() != null && d.procedureLabel().contains("简易");
      w.intro((simplified ? "本次评估采用简易程序，未成立评估小组，" : "") + "参与评估工作的人员如下：");
      List<List<String>> rows = new ArrayList<>();
      for (Contributor c : contributors) {
        rows.add(List.of(cell(c.name()), cell(c.unit()), cell(c.work())));
      }
      w.table(List.of("姓名", "单位", "承担的工作"), new int[] {1400, 3000, 4444},
          new boolean[] {true, false, false}, rows);
    }
  }

  private static String evaluatorSentence(Evaluator e) {
    if (e == null) {
      return null;
    }
    String type = blank(e.typeLabel()) ? null : clause(e.typeLabel());
    if (e.commissioned() && e.author() != null) {
      StringBuilder s = new StringBuilder("本次评估为" + or(type, "委托评估") + "（第二十一条），由");
      if (!blank(e.undertakingUnitName())) {
        s.append(e.undertakingUnitName().strip()).append("委托");
      }
      s.append(e.author()).append("开展");
      if (!blank(e.commissionScope())) {
        s.append("，委托范围为").append(clause(e.commissionScope()));
      }
      return s.append("；").append(e.author()).append("已承诺在委托范围内开展工作，不将委托事项转包给其他单位或者个人。").toString();
    }
    if (e.author() != null) {
      return "本次评估为" + or(type, "自行评估") + "，由" + e.author() + "承担评估具体工作。";
    }
    return type == null ? null : "本次评估为" + type + "。";
  }

  /** 二、评估内容分析 (Art. 14(2), Art. 7). */
  private static void analysis(OfficialDocx w, ReportData d) {
    w.heading1("二、评估内容分析");
    Numbering n = new Numbering();
    for (DimensionResult dim : list(d.dimensions())) {
      String article = blank(dim.article()) ? "" : "（" + dim.article().strip() + "）";
      w.heading2(n.next() + or(dim.label(), "评估内容").strip() + article);
      if (dim.score() != null) {
        w.body("评分：" + ScoreText.of(dim.score()) + "。");
      }
      if (!blank(dim.findings())) {
        w.body(ReportText.paragraph(dim.findings()));
      }
    }
    if (!blank(d.implementationPerformance())) {
      w.heading2(n.next() + "实施绩效");
      w.body(ReportText.paragraph(d.implementationPerformance()));
    }
    if (!blank(d.institutionalDesign())) {
      w.heading2(n.next() + "制度设计");
      w.body(ReportText.paragraph(d.institutionalDesign()));
    }
    if (!blank(d.implementationSummary())) {
      w.heading2(n.next() + "执行单位反映的实施情况、问题和建议");
      w.body(ReportText.paragraph(d.implementationSummary()));
    }
  }

  /** 三、评估结论及建议 (Art. 14(3), Art. 16). */
  private static void conclusions(OfficialDocx w, ReportData d) {
    w.heading1("三、评估结论及建议");
    Numbering n = new Numbering();
    if (d.weightedScore() != null || !blank(d.gradeLabel()) || !blank(d.suggestedOutcomeLabel())) {
      w.heading2(n.next() + "综合评价");
      if (d.weightedScore() != null) {
        w.labelled("综合得分：", ScoreText.of(d.weightedScore()) + "。");
      }
      if (!blank(d.gradeLabel())) {
        w.labelled("评估等级：", sentence(d.gradeLabel()));
      }
      if (!blank(d.suggestedOutcomeLabel())) {
        w.labelled("建议处理意见：", sentence(d.suggestedOutcomeLabel()));
      }
    }
    if (!blank(d.preliminaryConclusion())) {
      w.heading2(n.next() + "初步结论");
      w.body(ReportText.paragraph(d.preliminaryConclusion()));
    }
    if (!blank(d.recommendations())) {
      w.heading2(n.next() + "建议");
      w.body(ReportText.paragraph(d.recommendations()));
    }
    List<ReportData.FollowUpItem> recommended = d.followUp() == null ? List.of() : list(d.followUp().recommended());
    if (!recommended.isEmpty()) {
      w.heading2(n.next() + "整改建议清单");
      w.intro("经决策机关审定采纳的建议，作为整改事项交责任单位落实，由市司法局审核办结（第十六条、第十七条）：");
      List<List<String>> rows = new ArrayList<>();
      for (ReportData.FollowUpItem r : recommended) {
        rows.add(List.of(String.valueOf(r.no()), cell(r.text()), cell(r.unitName()), cell(r.kindLabel()),
            cell(r.deadline())));
      }
      w.table(List.of("序号", "建议内容", "责任单位", "类别", "整改期限"), new int[] {700, 3800, 1700, 1500, 1144},
          new boolean[] {true, false, false, true, true}, rows);
    }
  }

  /** 四、其他需要说明的问题 (Art. 14(4), Art. 27). */
  private static void otherIssues(OfficialDocx w, ReportData d) {
    w.heading1("四、其他需要说明的问题");
    if (blank(d.otherIssues())) {
      w.body("无其他需要说明的问题。");
    } else {
      w.body(ReportText.paragraph(d.otherIssues()));
    }
    for (ExpertOpinion o : list(d.expertOpinions())) {
      if (dissents(o)) {
        w.body("专家论证中，" + dissentSentence(o) + "详见附件3。");
      }
    }
    if (!blank(d.measuresVersion())) {
      w.body("本次评估适用" + clause(d.measuresVersion()) + "。").forEach(p -> p.setKeepNext(true));
    }
  }

  /** Which version of each decision table was applied (Art. 27), from the engine's decision history. */
  private void appliedRules(OfficialDocx w, ReportData d) {
    List<String> rules = blank(d.decisionNumber()) ? List.of() : appliedRules.describe(d.decisionNumber());
    if (!rules.isEmpty()) {
      w.body("本次跟踪和评估适用的决策规则：" + String.join("、", rules) + "。");
    }
  }

  /** 附件说明, then the author's signature and the date (GB/T 9704 §7.3.3–7.3.5). */
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
    signature(w, d.evaluator() == null ? null : d.evaluator().author(), d.reportDate());
  }

  /** 发文机关署名 and 成文日期: the date four characters from the right, the name centred above it. */
  private static void signature(OfficialDocx w, String signer, LocalDate date) {
    w.blankLine().setKeepNext(true);
    w.blankLine().setKeepNext(true);
    String name = blank(signer) ? "" : signer.strip();
    String day = ReportText.date(date);
    int dateIndent = 4 * CHAR_TWIPS;
    int signerIndent = dateIndent + (int) Math.round(
        (OfficialDocx.displayWidth(day) - OfficialDocx.displayWidth(name)) / 2 * CHAR_TWIPS);
    if (signerIndent < dateIndent && !day.isEmpty()) {
      dateIndent += (dateIndent - signerIndent);
      signerIndent = 4 * CHAR_TWIPS;
    }
    if (!name.isEmpty()) {
      w.rightAligned(name, Math.max(signerIndent, 4 * CHAR_TWIPS)).setKeepNext(true);
    }
    if (!day.isEmpty()) {
      w.rightAligned(day, dateIndent);
    }
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
    Numbering n = new Numbering();
    for (Consultation c : consultations) {
      w.heading2(n.next() + or(c.channelLabel(), "征求意见").strip()
          + (c.date() == null ? "" : "（" + ReportText.date(c.date()) + "）"));
      List<String> figures = new ArrayList<>();
      if (c.participants() != null) {
        figures.add("参与人数：" + c.participants() + "人");
      }
      if (c.opinionCount() != null) {
        figures.add("收集意见：" + c.opinionCount() + "条");
      }
      if (!figures.isEmpty()) {
        w.body(String.join("；", figures) + "。");
      }
      if (!blank(c.summary())) {
        w.body(ReportText.paragraph(c.summary()));
      }
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
        w.body("简易程序，未组织专家论证。");
      } else if (draft) {
        w.body("报告初稿尚待专家论证，论证意见在论证后附入。");
      } else {
        w.body(NONE + "。");
      }
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ExpertOpinion o : opinions) {
      String expert = cell(o.expertName()) + (o.date() == null ? "" : "\n" + ReportText.date(o.date()));
      String dissent = dissents(o) ? or(o.dissentReason(), "未说明理由") : NONE;
      rows.add(List.of(expert, cell(o.conclusionLabel()), cell(o.opinion()), dissent));
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
   * Removes a part written by this service (found by its bookmark, or by its heading text if the bookmark was
   * lost in editing) and everything after it.
   *
   * @return the text of the part's first paragraph (e.g. "附件3"), or {@code null} if there was none
   */
  private static String removeFrom(XWPFDocument doc, String bookmark, String heading) {
    List<IBodyElement> elements = doc.getBodyElements();
    int anchor = -1;
    String first = null;
    for (int i = 0; i < elements.size() && anchor < 0; i++) {
      if (elements.get(i) instanceof XWPFParagraph p) {
        boolean bookmarked = p.getCTP().getBookmarkStartList().stream()
            .map(CTBookmark::getName).anyMatch(bookmark::equals);
        if (bookmarked || heading.equals(p.getText().strip())) {
          anchor = i;
          first = p.getText().strip();
        }
      }
    }
    if (anchor >= 0) {
      for (int i = doc.getBodyElements().size() - 1; i >= anchor; i--) {
        doc.removeBodyElement(i);
      }
    }
    return first;
  }

  // ================================================================== helpers

  private static XWPFDocument open(byte[] docx) {
    if (docx == null || docx.length == 0) {
      throw new IllegalArgumentException("报告文件为空");
    }
    try {
      return new XWPFDocument(new ByteArrayInputStream(docx));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("报告文件不是有效的 Word（.docx）文件", e);
    }
  }

  private void properties(XWPFDocument doc, ReportData d) {
    POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
    core.setTitle(title(d) + (d.draft() ? "（初稿）" : ""));
    core.setCreator(CREATOR);
    core.setLastModifiedByUser(CREATOR);
    core.setSubjectProperty("重大行政决策跟踪反馈与后评估报告");
    core.setKeywords(or(d.decisionNumber(), "").strip());
    core.setCategory(d.draft() ? "初稿" : "正式稿");
    core.setDescription("依据" + or(d.measuresVersion(), "《办法》").strip() + "第十四条生成");
    core.setCreated(Optional.of(Date.from(clock.instant())));
    doc.getProperties().getExtendedProperties().setApplication(CREATOR);
  }

  private static byte[] bytes(XWPFDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.write(out);
    return out.toByteArray();
  }

  private static String bareTitle(ReportData d) {
    return d.decisionTitle().strip().replaceAll("^《(.*)》$", "$1");
  }

  /** 《title》（number）, or the number alone, or 该重大行政决策. */
  private static String decisionReference(ReportData d) {
    boolean hasNumber = !blank(d.decisionNumber());
    if (blank(d.decisionTitle())) {
      return hasNumber ? "文号为" + d.decisionNumber().strip() + "的重大行政决策" : "该重大行政决策";
    }
    return "《" + bareTitle(d) + "》" + (hasNumber ? "（" + d.decisionNumber().strip() + "）" : "");
  }

  static boolean dissents(ExpertOpinion o) {
    return !blank(o.dissentReason())
        || (o.conclusionLabel() != null && (o.conclusionLabel().contains("不同意") || o.conclusionLabel().contains("反对")));
  }

  private static String dissentSentence(ExpertOpinion o) {
    String expert = blank(o.expertName()) ? "一名专家" : "专家" + o.expertName().strip();
    return expert + "不同意报告结论" + (blank(o.dissentReason()) ? "。" : "，理由：" + sentence(o.dissentReason()));
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

  /** （一）, （二）… for the subsections that are present. */
  private static final class Numbering {
    private int n;

    String next() {
      return "（" + chineseNumber(++n) + "）";
    }
  }

  private static String uploadTime(String value) {
    if (blank(value)) {
      return "";
    }
    String v = value.strip();
    try {
      return OffsetDateTime.parse(v).atZoneSameInstant(BeijingClock.ZONE).format(UPLOAD_TIME);
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
    return n == null ? "" : String.valueOf(n);
  }

  /** A table cell: the value, or empty when there is none (never a placeholder). */
  private static String cell(String s) {
    return blank(s) ? "" : s.strip();
  }

  private static String or(String s, String fallback) {
    return blank(s) ? fallback : s;
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
