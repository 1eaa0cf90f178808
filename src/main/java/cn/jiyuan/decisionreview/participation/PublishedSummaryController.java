package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.rectification.RectificationCounts;
import cn.jiyuan.decisionreview.rectification.RectificationService;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /public/api/evaluations} (contract, no login): only the summaries the authority chose to publish. */
@RestController
public class PublishedSummaryController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(BeijingClock.ZONE);

  private final PublishedSummaries summaries;

  private final RectificationService rectifications;

  public PublishedSummaryController(PublishedSummaries summaries, RectificationService rectifications) {
    this.summaries = summaries;
    this.rectifications = rectifications;
  }

  /**
   * One published summary as the public sees it; {@code approvedAt} is the Beijing date of the approval. No process
   * ids: the public page needs none.
   */
  public record PublicSummary(String decisionNumber, String decisionTitle, String evaluationType,
      String evaluationTypeName, String grade, String gradeName, String outcome, String outcomeName, String summary,
      String keyFindings, String approvedAt, RectificationProgress rectification) {
  }

  /**
   * Shown only where the authority chose it at 决策机关审定 (Art. 16), else null: of the report's recommendations,
   * how many it accepted and how many are carried out (closed with 已完成), as of now.
   */
  public record RectificationProgress(int recommendations, int accepted, int carriedOut, String text) {}

  @GetMapping("/public/api/evaluations")
  public List<PublicSummary> list() {
    return summaries.all().stream().map(s -> new PublicSummary(s.decisionNumber(), s.decisionTitle(),
        s.evaluationType(), name(EvaluationCodes.EVALUATION_TYPES, s.evaluationType()), s.grade(),
        name(EvaluationCodes.GRADES, s.grade()), s.outcome(), name(EvaluationCodes.OUTCOMES, s.outcome()),
        s.summary(), s.keyFindings(), DAY.format(s.approvedAt()), progress(s))).toList();
  }

  private RectificationProgress progress(PublishedSummary s) {
    if (!s.showRectification()) {
      return null;
    }
    RectificationCounts c = rectifications.countsOfEvaluation(s.processInstanceId());
    return new RectificationProgress(c.recommendations(), c.accepted(), c.carriedOut(), "评估报告提出整改建议 "
        + c.recommendations() + " 条，决策机关采纳 " + c.accepted() + " 条，已落实 " + c.carriedOut() + " 条。");
  }

  private static String name(java.util.Map<String, String> codes, String code) {
    return code == null ? null : EvaluationCodes.label(codes, code);
  }
}
