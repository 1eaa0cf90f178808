package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.shared.FormValues;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * One consultation or survey in {@code consultations} (Art. 6, 12, 15). Date and counts keep the submitted value as
 * sent, so the server-side rule can refuse "昨天" or 2.5; code reads them through the strict accessors.
 *
 * @param channel a {@code EvaluationCodes.CHANNELS} code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Consultation(String channel, Object date, Object participants, Object opinionCount, String summary) {

  public static Consultation of(String channel, LocalDate date, int participants, Integer opinionCount, String summary) {
    return new Consultation(channel, date.toString(), participants, opinionCount, summary);
  }

  /** The date, or null when missing or not a date. */
  public LocalDate day() {
    return FormValues.date(date);
  }

  /** The number of participants, or null when missing or not a whole number. */
  public Long participantCount() {
    return FormValues.wholeNumber(participants);
  }

  /** The number of opinions, or null when missing or not a whole number. */
  public Long opinionTotal() {
    return FormValues.wholeNumber(opinionCount);
  }
}
