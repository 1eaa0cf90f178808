package cn.jiyuan.decisionreview.participation;

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

  public PublishedSummaryController(PublishedSummaries summaries) {
    this.summaries = summaries;
  }

  /**
   * One published summary as the public sees it; {@code approvedAt} is the Beijing date of the approval. No process
   * ids: the public page needs none.
   */
  public record PublicSummary(String decisionNumber, String decisionTitle, String evaluationType,
      String evaluationTypeName, String grade, String gradeName, String outcome, String outcomeName, String summary,
      String keyFindings, String approvedAt) {
  }

  @GetMapping("/public/api/evaluations")
  public List<PublicSummary> list() {
    return summaries.all().stream().map(s -> new PublicSummary(s.decisionNumber(), s.decisionTitle(),
        s.evaluationType(), name(EvaluationCodes.EVALUATION_TYPES, s.evaluationType()), s.grade(),
        name(EvaluationCodes.GRADES, s.grade()), s.outcome(), name(EvaluationCodes.OUTCOMES, s.outcome()),
        s.summary(), s.keyFindings(), DAY.format(s.approvedAt()))).toList();
  }

  private static String name(java.util.Map<String, String> codes, String code) {
    return code == null ? null : EvaluationCodes.label(codes, code);
  }
}
