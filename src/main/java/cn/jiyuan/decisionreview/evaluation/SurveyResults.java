package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The aggregate of a closed survey (process variable {@code surveyResults}), what the report and
 * {@code GET /api/evaluations/{id}/survey} show.
 *
 * @param closedAt ISO-8601 with offset
 * @param awareness share of SCALE answers other than 不清楚 (0–1), null without SCALE answers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurveyResults(String surveyId, String closedAt, int responseCount, List<QuestionResult> questions,
    List<DimensionResult> dimensions, Double awareness) {

  /**
   * @param counts answer → count: a SCALE question by its {@link SurveyScale} label in scale order, a choice question
   *     by option in the designed order; empty for TEXT
   * @param mean the mean of the SCALE answers 1–5 (不清楚 left out), else null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record QuestionResult(String id, String text, String type, String dimension, int answered,
      Map<String, Integer> counts, Double mean) {
  }

  /**
   * Satisfaction per Art. 7 dimension over the SCALE questions tagged with it.
   *
   * @param distribution {@link SurveyScale} label → count, in scale order
   * @param mean 1–5, null without answers other than 不清楚
   * @param score the mean on 0–100 ((mean − 1) / 4 × 100), null with the mean
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DimensionResult(String dimension, String label, int answers, Map<String, Integer> distribution,
      Double mean, Double score) {
  }
}
