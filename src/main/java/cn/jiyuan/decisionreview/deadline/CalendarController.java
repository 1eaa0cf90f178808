package cn.jiyuan.decisionreview.deadline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/add-working-days?from=&days=} and {@code GET /api/calendar/working-day?date=}, for any
 * signed-in user. Bad parameters are 400 in the project's JSON error shape.
 */
@RestController
public class CalendarController {

  static final int MAX_DAYS = 3650;

  private final WorkingDayCalendar calendar;

  public CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/api/calendar/add-working-days")
  public Map<String, Object> addWorkingDays(@RequestParam String from, @RequestParam String days) {
    LocalDate start = date("from", from);
    int count;
    try {
      count = Integer.parseInt(days.trim());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 0 || count > MAX_DAYS) {
      throw new IllegalArgumentException("参数 days 应为 0 至 " + MAX_DAYS + " 之间的整数。");
    }
    WorkingDayCalendar.Deadline deadline = calendar.deadline(start, count);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", deadline.date().toString());
    body.put("provisional", deadline.provisional());
    return body;
  }

  @GetMapping("/api/calendar/working-day")
  public Map<String, Object> workingDay(@RequestParam String date) {
    WorkingDayCalendar.DayCheck check = calendar.check(date("date", date));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", check.date().toString());
    body.put("workingDay", check.workingDay());
    body.put("provisional", check.provisional());
    return body;
  }

  /** YYYY-MM-DD within 1900–2199, so that nobody can make the calendar count (and warn about) arbitrary centuries. */
  private static LocalDate date(String name, String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("参数 " + name + " 应为 YYYY-MM-DD 格式的日期，如 2026-02-13。");
    }
    if (date.getYear() < 1900 || date.getYear() > 2199) {
      throw new IllegalArgumentException("参数 " + name + " 应在 1900 年至 2199 年之间。");
    }
    return date;
  }
}
