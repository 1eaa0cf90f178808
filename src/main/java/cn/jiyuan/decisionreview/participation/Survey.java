package cn.jiyuan.decisionreview.participation;

import java.time.Instant;
import java.util.List;

/** One row of {@code dr_survey}: the questionnaire of one evaluation and its window. */
public record Survey(String surveyId, String processInstanceId, String decisionNumber, String decisionTitle,
    String evaluationType, String title, List<SurveyQuestion> questions, Instant opensAt, Instant closesAt,
    Instant closedAt) {

  public enum Status {
    NOT_OPEN, OPEN, CLOSED
  }

  /** Closed early by staff, or when the window has passed, even before the process's timer has fired. */
  public Status statusAt(Instant now) {
    if (closedAt != null && !now.isBefore(closedAt) || !now.isBefore(closesAt)) {
      return Status.CLOSED;
    }
    return now.isBefore(opensAt) ? Status.NOT_OPEN : Status.OPEN;
  }

  /** When answers stopped being accepted: the early close, else the end of the window. */
  public Instant endedAt() {
    return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
  }
}
