package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Every user task's due date: the DMN taskDeadline gives the working days and the reminder
 * lead; the Chinese working-day calendar (with 调休) turns them into dates counted from the day after the
 * task's creation. Due at 17:30 Beijing time, the end of office hours; the follow-up date marks the reminder.
 */
@Service
public class TaskDeadlines {

  static final LocalTime DUE_TIME = LocalTime.of(17, 30);
  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
  static final int DEFAULT_WORKING_DAYS = 10;
  static final int DEFAULT_REMINDER_DAYS = 2;

  private final DecisionService decisionService;
  private final WorkingDayCalendar calendar;
  private final SystemCalls system;
  private final BeijingClock clock;

  public TaskDeadlines(DecisionService decisionService, WorkingDayCalendar calendar, SystemCalls system,
      BeijingClock clock) {
    this.decisionService = decisionService;
    this.calendar = calendar;
    this.system = system;
    this.clock = clock;
  }

  public record Plan(Integer workingDays, Integer reminderWorkingDays) {}

  /**
   * The table's row for a task; the default when the table has none (e.g. an analyst removed it). By key, so the
   * latest deployed version, as every rule task binds (README: which rule version applies): a table deployed from
   * Modeler sets the deadlines of the tasks created after it; a task keeps the due date it was given.
   */
  public Plan plan(String taskKey) {
    Map<String, Object> row = system.run(() -> {
      var result = decisionService.evaluateDecisionTableByKey("taskDeadline",
          Variables.createVariables().putValue("taskKey", taskKey));
      return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
    });
    if (row == null) {
      return new Plan(DEFAULT_WORKING_DAYS, DEFAULT_REMINDER_DAYS);
    }
    return new Plan((Integer) row.get("workingDays"), (Integer) row.get("reminderWorkingDays"));
  }

  /** Due and follow-up dates for a task created on {@code created}; null due date when the plan has none. */
  public Date[] dates(LocalDate created, Plan plan) {
    if (plan.workingDays() == null) {
      return new Date[] {null, null};
    }
    LocalDate due = calendar.addWorkingDays(created, plan.workingDays());
    int lead = plan.reminderWorkingDays() == null ? 0 : Math.min(plan.reminderWorkingDays(), plan.workingDays());
    LocalDate remind = calendar.addWorkingDays(created, plan.workingDays() - lead);
    return new Date[] {at(due, DUE_TIME), lead == 0 ? null : at(remind, REMINDER_TIME)};
  }

  public void assign(DelegateTask task) {
    if (task.getDueDate() != null) {
      return; // set in the model: the model wins
    }
    LocalDate today = clock.today();
    Date[] dates = dates(today, plan(task.getTaskDefinitionKey()));
    task.setDueDate(dates[0]);
    task.setFollowUpDate(dates[1]);
  }

  static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(BeijingClock.ZONE).toInstant());
  }
}
