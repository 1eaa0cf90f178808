package cn.jiyuan.decisionreview.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the annual assessment (Art. 26) is computed from, read in a few batched queries by {@link AssessmentSource}:
 * the decision register with each tracking's schedule and waivers, the evaluations, and the user tasks with a due
 * date. Plain data, so that {@link AnnualAssessment} is tested without an engine.
 */
public record AssessmentFacts(List<Decision> decisions, List<Evaluation> evaluations, List<TaskFact> tasks,
    Map<String, String> unitNames) {

  /**
   * A registered decision and its tracking.
   *
   * @param trackedFrom the day its tracking started (registration)
   * @param trackedUntil the day its tracking ended (terminated, completed), or null while it runs
   * @param scheduledDueDates the due dates of its Art. 19 schedule as tracking keeps them (a mid-term evaluation
   *     brought forward by 进度过半 with its new date)
   */
  public record Decision(String decisionNumber, String title, String executingUnit, LocalDate trackedFrom,
      LocalDate trackedUntil, List<LocalDate> scheduledDueDates, List<Waiver> waivers) {}

  /** An Art. 20 waiver confirmed by legal-affairs, as tracking recorded it. */
  public record Waiver(String evaluationType, LocalDate startedDate, LocalDate completedDate) {}

  /**
   * One {@code post-evaluation} instance.
   *
   * @param completed the day it was archived (evaluationCompletedDate), null while it runs or if it was cancelled
   * @param channels the participation channels of its consultation records and its online survey
   */
  public record Evaluation(String processInstanceId, String decisionNumber, String evaluationType, LocalDate started,
      LocalDate completed, String grade, String outcome, Set<String> channels) {}

  /**
   * A user task with a due date.
   *
   * @param candidateGroups the groups it was offered to (an executing unit's tasks carry the unit)
   * @param end when it ended, or null while open
   */
  public record TaskFact(String taskId, String processInstanceId, Set<String> candidateGroups, Instant due,
      Instant end) {}
}
