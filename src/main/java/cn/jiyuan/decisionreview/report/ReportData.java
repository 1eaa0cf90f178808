package cn.jiyuan.decisionreview.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the 跟踪反馈与后评估报告 (Art. 13, 14) needs, already resolved to display labels. Any field may be
 * {@code null} or empty; {@link ReportService} then leaves out the sentence, line or section instead of printing a
 * placeholder.
 *
 * @param authorityName the 决策机关: the report is addressed to it (主送) and it approves the report (Art. 13(4))
 * @param evaluator who carried out the evaluation, and so authors and signs the report
 * @param contributors the people who did the evaluation's steps, from the history (named when there is no team)
 * @param implementationSummary the executing unit's data, problems, risks and suggestions (Art. 5)
 * @param measuresVersion the rules that applied, e.g. 《济源市重大行政决策实施情况跟踪反馈与后评估办法》（济政办〔2022〕4号）
 * @param draft true for the 初稿 (Art. 13(1)), false for the report submitted to the authority (Art. 13(3), (4))
 * @param survey the online questionnaire's results (Art. 12), null when there was none or it has not closed
 */
public record ReportData(
    String decisionNumber,
    String decisionTitle,
    String executingUnitName,
    String authorityName,
    String evaluationTypeLabel,
    String legalBasis,
    Evaluator evaluator,
    String procedureLabel,
    String scopeLabel,
    List<TeamMember> team,
    List<Contributor> contributors,
    List<TimelineEntry> timeline,
    List<Consultation> consultations,
    List<DimensionResult> dimensions,
    String implementationPerformance,
    String institutionalDesign,
    String implementationSummary,
    Double weightedScore,
    String gradeLabel,
    String suggestedOutcomeLabel,
    String preliminaryConclusion,
    String recommendations,
    String otherIssues,
    List<Material> materials,
    List<ExpertOpinion> expertOpinions,
    String measuresVersion,
    LocalDate reportDate,
    boolean draft,
    SurveySummary survey,
    FollowUp followUp) {

  /** A report without follow-through items (none recorded, or a caller that does not know them). */
  public ReportData(String decisionNumber, String decisionTitle, String executingUnitName, String authorityName,
      String evaluationTypeLabel, String legalBasis, Evaluator evaluator, String procedureLabel, String scopeLabel,
      List<TeamMember> team, List<Contributor> contributors, List<TimelineEntry> timeline,
      List<Consultation> consultations, List<DimensionResult> dimensions, String implementationPerformance,
      String institutionalDesign, String implementationSummary, Double weightedScore, String gradeLabel,
      String suggestedOutcomeLabel, String preliminaryConclusion, String recommendations, String otherIssues,
      List<Material> materials, List<ExpertOpinion> expertOpinions, String measuresVersion, LocalDate reportDate,
      boolean draft, SurveySummary survey) {
    this(decisionNumber, decisionTitle, executingUnitName, authorityName, evaluationTypeLabel, legalBasis, evaluator,
        procedureLabel, scopeLabel, team, contributors, timeline, consultations, dimensions, implementationPerformance,
        institutionalDesign, implementationSummary, weightedScore, gradeLabel, suggestedOutcomeLabel,
        preliminaryConclusion, recommendations, otherIssues, materials, expertOpinions, measuresVersion, reportDate,
        draft, survey, null);
  }

  /**
   * Follow-through (Art. 16, 17): the previous evaluation's rectification items with their status, and this report's
   * own recommendations as a list.
   */
  public record FollowUp(List<FollowUpItem> previous, List<FollowUpItem> recommended) {}

  /** One item: {@code statusLabel} and {@code measures} are empty for this report's own recommendations. */
  public record FollowUpItem(int no, String text, String unitName, String kindLabel, String deadline,
      String statusLabel, String measures) {}

  /** The same report with its follow-through items. */
  public ReportData withFollowUp(FollowUp value) {
    return new ReportData(decisionNumber, decisionTitle, executingUnitName, authorityName, evaluationTypeLabel,
        legalBasis, evaluator, procedureLabel, scopeLabel, team, contributors, timeline, consultations, dimensions,
        implementationPerformance, institutionalDesign, implementationSummary, weightedScore, gradeLabel,
        suggestedOutcomeLabel, preliminaryConclusion, recommendations, otherIssues, materials, expertOpinions,
        measuresVersion, reportDate, draft, survey, value);
  }

  /** A report without online questionnaire results. */
  public ReportData(String decisionNumber, String decisionTitle, String executingUnitName, String authorityName,
      String evaluationTypeLabel, String legalBasis, Evaluator evaluator, String procedureLabel, String scopeLabel,
      List<TeamMember> team, List<Contributor> contributors, List<TimelineEntry> timeline,
      List<Consultation> consultations, List<DimensionResult> dimensions, String implementationPerformance,
      String institutionalDesign, String implementationSummary, Double weightedScore, String gradeLabel,
      String suggestedOutcomeLabel, String preliminaryConclusion, String recommendations, String otherIssues,
      List<Material> materials, List<ExpertOpinion> expertOpinions, String measuresVersion, LocalDate reportDate,
      boolean draft) {
    this(decisionNumber, decisionTitle, executingUnitName, authorityName, evaluationTypeLabel, legalBasis, evaluator,
        procedureLabel, scopeLabel, team, contributors, timeline, consultations, dimensions, implementationPerformance,
        institutionalDesign, implementationSummary, weightedScore, gradeLabel, suggestedOutcomeLabel,
        preliminaryConclusion, recommendations, otherIssues, materials, expertOpinions, measuresVersion, reportDate,
        draft, null);
  }

  /** The same report with the online questionnaire's results. */
  public ReportData withSurvey(SurveySummary summary) {
    return new ReportData(decisionNumber, decisionTitle, executingUnitName, authorityName, evaluationTypeLabel,
        legalBasis, evaluator, procedureLabel, scopeLabel, team, contributors, timeline, consultations, dimensions,
        implementationPerformance, institutionalDesign, implementationSummary, weightedScore, gradeLabel,
        suggestedOutcomeLabel, preliminaryConclusion, recommendations, otherIssues, materials, expertOpinions,
        measuresVersion, reportDate, draft, summary, followUp);
  }

  /**
   * The online questionnaire's results (Art. 12), drawn as native Word charts.
   *
   * @param closedOn the day the questionnaire stopped taking answers
   * @param awareness share (0–1) of satisfaction answers other than 不清楚; null without any
   * @param scaleLabels the answer scale in order, e.g. 很满意 … 很不满意, 不清楚
   * @param dimensions the Art. 7 dimensions in order
   */
  public record SurveySummary(int responseCount, LocalDate closedOn, Double awareness, List<String> scaleLabels,
      List<SurveyDimension> dimensions) {}

  /**
   * One dimension's satisfaction.
   *
   * @param label a short name that fits a chart axis
   * @param distribution the number of answers per scale point, in the order of {@code scaleLabels}
   * @param score 0–100, null when the dimension had no answer other than 不清楚
   */
  public record SurveyDimension(String label, List<Integer> distribution, Double mean, Double score) {}

  /**
   * Who evaluated (Art. 11, 15, 21). A self-evaluation is carried out by the undertaking unit; a commissioned one by
   * the agency, commissioned by the undertaking unit. The one who carried it out is the report's author.
   */
  public record Evaluator(
      String typeLabel, boolean commissioned, String undertakingUnitName, String agencyName, String commissionScope) {

    /** The author, who signs the report: the agency when commissioned (Art. 21), else the undertaking unit. */
    public String author() {
      String author = commissioned ? agencyName : undertakingUnitName;
      return author == null || author.isBlank() ? null : author.strip();
    }
  }

  /** A member of the evaluation team (Art. 11(1)). */
  public record TeamMember(String name, String organisation, String category, String contact) {}

  /** A person who did steps of the evaluation, e.g. 王明远, 市司法局, 征求意见与调查记录、分析研判并形成初步结论. */
  public record Contributor(String name, String unit, String work) {}

  /** One step of the evaluation's procedure, with its date; a refusal or return says so in {@code step}. */
  public record TimelineEntry(LocalDate date, String step) {}

  /** One consultation or survey (Art. 6, 12(2), 15). */
  public record Consultation(
      String channelLabel, LocalDate date, Integer participants, Integer opinionCount, String summary) {}

  /** The score (0–100) and findings of one Art. 7 dimension. */
  public record DimensionResult(String article, String label, Integer score, String findings) {}

  /** A file supplied by the executing unit (Art. 5); {@code size} in bytes. */
  public record Material(String fileName, long size, String uploadedBy, String uploadedAt) {}

  /** One expert's opinion on the draft report (Art. 13(2)); {@code dissentReason} is set when the expert disagrees. */
  public record ExpertOpinion(
      String expertName, String conclusionLabel, String opinion, String dissentReason, LocalDate date) {}

  /**
   * The authority's 审定 of the report (Art. 13(4), 16), recorded on the approved report.
   *
   * @param decisionLabel e.g. 审定通过
   * @param outcomeLabel the 处理决定, e.g. 调整决策内容
   * @param approvedBy the person who recorded the decision in the system
   */
  public record Approval(
      String decisionLabel, String outcomeLabel, String reasons, String authorityName, String approvedBy, LocalDate date) {}
}
