package cn.jiyuan.decisionreview.tracking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One past evaluation or waiver in {@code evaluationHistory} (Art. 16, 20, 24): type, dates, grade and outcome, or
 * the waiver's basis and reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // entries written by earlier versions keep their extra keys
public record EvaluationRecord(String evaluationType, String legalBasis, LocalDate startedDate, LocalDate completedDate,
    String grade, String outcome, boolean waived, String waiverBasis, String waiverReason) {

  public static EvaluationRecord evaluated(String type, String legalBasis, LocalDate started, LocalDate completed,
      String grade, String outcome) {
    return new EvaluationRecord(type, legalBasis, started, completed, grade, outcome, false, null, null);
  }

  public static EvaluationRecord waived(String type, String legalBasis, LocalDate started, LocalDate completed,
      String basis, String reason) {
    return new EvaluationRecord(type, legalBasis, started, completed, null, null, true, basis, reason);
  }
}
