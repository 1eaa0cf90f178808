package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.tracking.ScheduledEvaluation.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Art. 19 dates and the schedule's steps, without an engine or Spring. */
class EvaluationScheduleTest {

  static final LocalDate START = LocalDate.of(2026, 1, 1);

  static List<ScheduledEvaluation> policy() {
    // as evaluationSchedule answers for a broad policy of 72 months, in the table's order (not by date)
    return EvaluationSchedule.entries(START, List.of(
        Map.of("evaluationType", "FINAL", "dueMonths", 72),
        Map.of("evaluationType", "EXECUTION", "dueMonths", 12),
        Map.of("evaluationType", "MID_TERM", "dueMonths", 36)));
  }

  @Test
  void theTermCountsWholeMonthsToTheDayAfterTheEndAndIsEmptyWhenOpenEnded() {
    assertThat(EvaluationSchedule.termMonths(START, LocalDate.of(2031, 12, 31))).isEqualTo(72);
    assertThat(EvaluationSchedule.termMonths(START, LocalDate.of(2031, 12, 30))).isEqualTo(71);
    assertThat(EvaluationSchedule.termMonths(LocalDate.of(2026, 3, 1), LocalDate.of(2031, 2, 28))).isEqualTo(60);
    assertThat(EvaluationSchedule.termMonths(START, null)).isNull();
  }

  @Test
  void dueDatesAreCalendarMonthsAfterTheStartClampedToTheMonthsLastDay() {
    assertThat(EvaluationSchedule.dueDate(START, 12)).isEqualTo(LocalDate.of(2027, 1, 1));
    // Civil Code Art. 202: a month after 31 January is the last day of February
    assertThat(EvaluationSchedule.dueDate(LocalDate.of(2026, 1, 31), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(EvaluationSchedule.dueDate(LocalDate.of(2027, 8, 31), 6)).isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void theTimerFiresAtMidnightBeijingTime() {
    assertThat(EvaluationSchedule.timerDate(LocalDate.of(2027, 1, 1))).isEqualTo("2027-01-01T00:00:00+08:00");
  }

  @Test
  void entriesAreSortedByDueDateAllPendingAndCiteTheirParagraph() {
    assertThat(policy()).extracting(e -> e.evaluationType() + "@" + e.dueDate() + " " + e.legalBasis() + " " + e.status())
        .containsExactly("EXECUTION@2027-01-01 第十九条第一款 PENDING", "MID_TERM@2029-01-01 第十九条第二款 PENDING",
            "FINAL@2032-01-01 第十九条第三款 PENDING");
    assertThat(EvaluationSchedule.hasMidTerm(policy())).isTrue();
    assertThat(EvaluationSchedule.entries(START, List.of())).isEmpty();
    assertThat(EvaluationSchedule.legalBasis("TRIGGERED")).isEqualTo("第十九条");
  }

  @Test
  void settlingMovesTheFirstOpenEntryOfTheTypeOnlyAndLeavesTheInputAlone() {
    List<ScheduledEvaluation> schedule = policy();
    List<ScheduledEvaluation> started = EvaluationSchedule.settle(schedule, "EXECUTION", Status.IN_PROGRESS);
    assertThat(schedule.get(0).status()).isEqualTo(Status.PENDING);
    assertThat(started).extracting(ScheduledEvaluation::status).containsExactly(Status.IN_PROGRESS, Status.PENDING, Status.PENDING);
    assertThat(EvaluationSchedule.nextPending(started)).hasValueSatisfying(e -> assertThat(e.evaluationType()).isEqualTo("MID_TERM"));

    List<ScheduledEvaluation> done = EvaluationSchedule.settle(started, "EXECUTION", Status.DONE);
    assertThat(done.get(0).status()).isEqualTo(Status.DONE);
    // a done evaluation is not settled again; an unscheduled type changes nothing
    assertThat(EvaluationSchedule.settle(done, "EXECUTION", Status.WAIVED)).isEqualTo(done);
    assertThat(EvaluationSchedule.settle(done, "TRIGGERED", Status.DONE)).isEqualTo(done);
  }

  @Test
  void nothingIsNextOnceEveryEntryIsSettled() {
    List<ScheduledEvaluation> schedule = policy();
    for (String type : List.of("EXECUTION", "MID_TERM", "FINAL")) {
      schedule = EvaluationSchedule.settle(schedule, type, Status.WAIVED);
    }
    assertThat(EvaluationSchedule.nextPending(schedule)).isEmpty();
  }

  @Test
  void halfProgressBringsAPendingMidTermForwardToTodayOnce() {
    LocalDate today = LocalDate.of(2027, 6, 15);
    List<ScheduledEvaluation> moved = EvaluationSchedule.bringMidTermForward(policy(), today);
    assertThat(moved.get(1)).satisfies(e -> {
      assertThat(e.dueDate()).isEqualTo(today);
      assertThat(e.broughtForward()).isTrue();
    });
    assertThat(policy().get(1).broughtForward()).isNull();
    // already due, or none pending: unchanged
    assertThat(EvaluationSchedule.bringMidTermForward(moved, today.plusDays(1))).isEqualTo(moved);
    List<ScheduledEvaluation> running = EvaluationSchedule.settle(policy(), "MID_TERM", Status.IN_PROGRESS);
    assertThat(EvaluationSchedule.bringMidTermForward(running, today)).isEqualTo(running);
  }

  @Test
  void article20CountsWholeMonths() {
    assertThat(EvaluationSchedule.monthsBetween(LocalDate.of(2026, 1, 15), LocalDate.of(2027, 1, 14))).isEqualTo(11);
    assertThat(EvaluationSchedule.monthsBetween(LocalDate.of(2026, 1, 15), LocalDate.of(2027, 1, 15))).isEqualTo(12);
  }
}
