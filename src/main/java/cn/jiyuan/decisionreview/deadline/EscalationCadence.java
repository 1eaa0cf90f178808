package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The 督办 cadence, plain rules without engine or database: level 1 when the due date passes, then one level more every
 * {@code escalation-every} Chinese working days (with 调休) while the task stays overdue. Level 1 goes to the
 * responsible unit and the supervision office; from level 2 the decision authority is told as well.
 */
@Component
public class EscalationCadence {

  private final WorkingDayCalendar calendar;
  private final int every;

  public EscalationCadence(WorkingDayCalendar calendar, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("督办间隔须为正整数个工作日。");
    }
    this.calendar = calendar;
    this.every = every;
  }

  @Autowired
  public EscalationCadence(WorkingDayCalendar calendar, DeadlineProperties properties) {
    this(calendar, properties.escalationEvery());
  }

  public int every() {
    return every;
  }

  /**
   * When the level after one escalated at {@code escalatedAt} is due: {@code every} working days after that day, at
   * the due date's time of day. Counted from the escalation, not from the due date, so a pass delayed by downtime
   * never brings two levels close together.
   */
  public Instant nextAfter(Instant escalatedAt, Instant due) {
    LocalDate day = calendar.addWorkingDays(escalatedAt.atZone(BeijingClock.ZONE).toLocalDate(), every);
    return day.atTime(due.atZone(BeijingClock.ZONE).toLocalTime()).atZone(BeijingClock.ZONE).toInstant();
  }

  /** Working days after the due date up to and including {@code now}'s date (0 on the due date itself). */
  public int workingDaysOverdue(Instant due, Instant now) {
    return calendar.workingDaysBetween(due.atZone(BeijingClock.ZONE).toLocalDate(),
        now.atZone(BeijingClock.ZONE).toLocalDate());
  }

  /** Who is told at a level besides the responsible unit. */
  public List<String> supervisors(int level) {
    if (level < 1) {
      throw new IllegalArgumentException("督办级别从 1 开始。");
    }
    return level == 1 ? List.of(Groups.SUPERVISION_OFFICE) : List.of(Groups.SUPERVISION_OFFICE, Groups.DECISION_AUTHORITY);
  }
}
