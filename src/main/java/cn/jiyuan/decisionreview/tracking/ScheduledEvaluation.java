package cn.jiyuan.decisionreview.tracking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One evaluation of the Art. 19 schedule, as kept in {@code scheduledEvaluations} (Json) and listed by the registry.
 *
 * @param broughtForward set only when 进度过半 moved a mid-term evaluation to an earlier day (Art. 19 ¶2)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // entries written by earlier versions keep their extra keys
public record ScheduledEvaluation(String evaluationType, int dueMonths, LocalDate dueDate, String legalBasis,
    Status status, Boolean broughtForward) {

  /** PENDING until started; IN_PROGRESS while its evaluation runs; DONE or WAIVED (Art. 20) afterwards. */
  public enum Status {
    PENDING, IN_PROGRESS, DONE, WAIVED;

    boolean open() {
      return this == PENDING || this == IN_PROGRESS;
    }
  }

  public ScheduledEvaluation withStatus(Status newStatus) {
    return new ScheduledEvaluation(evaluationType, dueMonths, dueDate, legalBasis, newStatus, broughtForward);
  }

  public ScheduledEvaluation broughtForwardTo(LocalDate day) {
    return new ScheduledEvaluation(evaluationType, dueMonths, day, legalBasis, status, true);
  }
}
