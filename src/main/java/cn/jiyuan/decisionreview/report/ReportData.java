package cn.jiyuan.decisionreview.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the 跟踪反馈与后评估报告 (Art. 13, 14) needs, already resolved to display labels. Any field may be
 * {@code null}; {@link ReportService} prints "（未填写）" or "无" for missing values.
 *
 * @param implementationSummary the executing unit's data, problems, risks and suggestions (Art. 5)
 * @param measuresVersion the rules that applied, e.g. 《济源市重大行政决策实施情况跟踪反馈与后评估办法》（济政办〔2022〕4号）
 * @param draft true for the 初稿 (Art. 13(1)), false for the report submitted to the authority (Art. 13(3), (4))
 */
public record ReportData(
    String decisionNumber,
    String decisionTitle,
    String executingUnitName,
    String authorityName,
    String evaluationTypeLabel,
    String legalBasis,
    String evaluatorDescription,
    String procedureLabel,
    String scopeLabel,
    List<TeamMember> team,
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
    boolean draft) {

  /** A member of the evaluation team (Art. 11(1)). */
  public record TeamMember(String name, String organisation, String category, String contact) {}

  /** One step of the evaluation's procedure, with its date. */
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
}
