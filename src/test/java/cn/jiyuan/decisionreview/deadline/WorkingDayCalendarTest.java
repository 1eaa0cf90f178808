package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The calendar without Spring: the bundled 2024–2026 notices, a year without data, and an administrator's files. */
class WorkingDayCalendarTest {

  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(CalendarFiles.bundled());

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void bundledYearsAndSources() {
    assertThat(CALENDAR.years()).containsExactly(2024, 2025, 2026);
    assertThat(CALENDAR.sources()).containsEntry(2026, "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")
        .containsEntry(2025, "https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm")
        .containsEntry(2024, "https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm");
  }

  @Test
  void twoWorkingDaysAfterTheFridayBeforeSpringFestival() {
    // 14th: make-up Saturday (day 1); 15th–23rd: 春节; 24th: day 2.
    assertThat(CALENDAR.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
    assertThat(CALENDAR.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    assertThat(CALENDAR.deadline(d("2026-02-13"), 2)).isEqualTo(new WorkingDayCalendar.Deadline(d("2026-02-24"), false));
  }

  @Test
  void zeroDaysIsTheStartEvenOnARestDayAndNegativeIsRefused() {
    assertThat(CALENDAR.addWorkingDays(d("2026-10-03"), 0)).isEqualTo(d("2026-10-03"));
    assertThatThrownBy(() -> CALENDAR.addWorkingDays(d("2026-10-03"), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void makeUpWeekendDaysAreWorkingDays() {
    assertThat(CALENDAR.isWorkingDay(d("2026-02-14"))).isTrue(); // Saturday
    assertThat(CALENDAR.isWorkingDay(d("2026-09-20"))).isTrue(); // Sunday
    assertThat(CALENDAR.isWorkingDay(d("2026-01-04"))).isTrue(); // Sunday
    assertThat(CALENDAR.isWorkingDay(d("2025-02-08"))).isTrue(); // Saturday
    assertThat(CALENDAR.isWorkingDay(d("2024-02-04"))).isTrue(); // Sunday
    assertThat(CALENDAR.isWorkingDay(d("2026-02-21"))).isFalse(); // ordinary Saturday inside 春节
    assertThat(CALENDAR.isWorkingDay(d("2026-03-01"))).isFalse(); // ordinary Sunday
  }

  @Test
  void holidaysOnWeekdaysAreNotWorkingDays() {
    assertThat(CALENDAR.isWorkingDay(d("2026-10-01"))).isFalse(); // Thursday
    assertThat(CALENDAR.isWorkingDay(d("2026-10-07"))).isFalse();
    assertThat(CALENDAR.isWorkingDay(d("2026-10-08"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(d("2025-10-08"))).isFalse(); // 国庆节、中秋节 2025 ends on the 8th
    assertThat(CALENDAR.isWorkingDay(d("2024-06-10"))).isFalse(); // 端午节, Monday
    assertThat(CALENDAR.isWorkingDay(d("2026-02-23"))).isFalse(); // last day of 春节, Monday
    assertThat(CALENDAR.check(d("2026-10-01"))).isEqualTo(new WorkingDayCalendar.DayCheck(d("2026-10-01"), false, false));
  }

  @Test
  void acrossTheTurnOfTheYear() {
    // 31 Dec is day 1; 1–3 Jan 元旦; 4 Jan (Sunday, make-up) day 2; 5 Jan day 3.
    assertThat(CALENDAR.addWorkingDays(d("2025-12-30"), 3)).isEqualTo(d("2026-01-05"));
    assertThat(CALENDAR.addWorkingDays(d("2025-12-30"), 2)).isEqualTo(d("2026-01-04"));
    // 2024-12-31 Tuesday; 2025-01-01 off; 2 Jan day 2.
    assertThat(CALENDAR.addWorkingDays(d("2024-12-30"), 2)).isEqualTo(d("2025-01-02"));
  }

  @Test
  void aYearWithoutDataIsMondayToFridayAndProvisional() {
    assertThat(CALENDAR.isProvisional(2027)).isTrue();
    assertThat(CALENDAR.isProvisional(2026)).isFalse();
    // 2027-01-01 is a Friday: without the notice it counts as a working day.
    assertThat(CALENDAR.check(d("2027-01-01"))).isEqualTo(new WorkingDayCalendar.DayCheck(d("2027-01-01"), true, true));
    assertThat(CALENDAR.isWorkingDay(d("2027-01-02"))).isFalse();
    // Thursday 2026-12-31 is day 1, Friday 2027-01-01 day 2, Monday 4 Jan day 3.
    assertThat(CALENDAR.deadline(d("2026-12-30"), 3)).isEqualTo(new WorkingDayCalendar.Deadline(d("2027-01-04"), true));
    assertThat(CALENDAR.deadline(d("2026-12-30"), 1)).isEqualTo(new WorkingDayCalendar.Deadline(d("2026-12-31"), false));
    assertThat(CALENDAR.deadline(d("2023-12-29"), 1).provisional()).isTrue();
  }

  @Test
  void workingDaysBetween() {
    assertThat(CALENDAR.workingDaysBetween(d("2026-02-13"), d("2026-02-24"))).isEqualTo(2);
    assertThat(CALENDAR.workingDaysBetween(d("2025-12-30"), d("2026-01-05"))).isEqualTo(3);
    assertThat(CALENDAR.workingDaysBetween(d("2026-09-30"), d("2026-10-07"))).isZero(); // 国庆节
    assertThat(CALENDAR.workingDaysBetween(d("2026-09-30"), d("2026-10-10"))).isEqualTo(3); // 8th, 9th, make-up 10th
    assertThat(CALENDAR.workingDaysBetween(d("2026-03-02"), d("2026-03-02"))).isZero();
    assertThat(CALENDAR.workingDaysBetween(d("2026-03-09"), d("2026-03-02"))).isZero();
    assertThat(CALENDAR.count(d("2026-12-30"), d("2027-01-04"))).isEqualTo(new WorkingDayCalendar.DayCount(3, true));
    assertThat(CALENDAR.count(d("2026-12-01"), d("2026-12-31"))).isEqualTo(new WorkingDayCalendar.DayCount(22, false));
    // Round trip: adding N then counting gives N.
    for (int n = 0; n < 400; n += 7) {
      assertThat(CALENDAR.workingDaysBetween(d("2025-01-27"), CALENDAR.addWorkingDays(d("2025-01-27"), n))).isEqualTo(n);
    }
  }

  @Test
  void anExtraDirectoryAddsAndReplacesYears(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("2027.json"), """
        {"year": 2027, "source": "https://example.gov.cn/2027",
         "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
         "workdays": ["2027-01-09"]}
        """);
    // The administrator corrects 2026: 2026-03-02 made a day off, 2026-02-28 no longer a make-up workday.
    Files.writeString(dir.resolve("2026-corrected.json"), """
        {"year": 2026, "source": "https://example.gov.cn/2026-corrected",
         "holidays": [{"name": "测试", "from": "2026-03-02", "to": "2026-03-02"}], "workdays": []}
        """);
    Files.writeString(dir.resolve("notes.txt"), "not a calendar");
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarFiles.load(dir));

    assertThat(calendar.years()).containsExactly(2024, 2025, 2026, 2027);
    assertThat(calendar.sources()).containsEntry(2027, "https://example.gov.cn/2027")
        .containsEntry(2026, "https://example.gov.cn/2026-corrected");
    assertThat(calendar.isProvisional(2027)).isFalse();
    assertThat(calendar.isWorkingDay(d("2027-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2027-01-09"))).isTrue(); // Saturday
    assertThat(calendar.deadline(d("2026-12-30"), 3)).isEqualTo(new WorkingDayCalendar.Deadline(d("2027-01-05"), false));
    assertThat(calendar.isWorkingDay(d("2026-03-02"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-02-28"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-01"))).isTrue(); // the whole bundled year is replaced
    assertThat(calendar.isWorkingDay(d("2025-10-01"))).isFalse(); // other years stay

    assertThat(CalendarFiles.load(dir.resolve("missing"))).extracting(YearData::year).containsExactly(2024, 2025, 2026);
  }

  @Test
  void aBadFileStopsLoadingWithAChineseMessage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("2027.json"), """
        {"year": 2027, "source": "x", "holidays": [], "workdays": ["2026-12-26"]}
        """);
    assertThatThrownBy(() -> CalendarFiles.load(dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2027.json").hasMessageContaining("不属于 2027 年");

    Files.writeString(dir.resolve("2027.json"), """
        {"year": 2027, "source": "x", "holiday": []}
        """);
    assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("格式不正确");

    Files.writeString(dir.resolve("2027.json"), """
        {"year": 2027, "source": "x", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}],
         "workdays": ["2027-01-01"]}
        """);
    assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("既是放假日又是调休上班日");

    Files.writeString(dir.resolve("2027.json"), """
        {"year": 2027, "source": "x", "holidays": [], "workdays": []}
        """);
    Files.writeString(dir.resolve("2027-again.json"), """
        {"year": 2027, "source": "y", "holidays": [], "workdays": []}
        """);
    assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("多个 2027 年");
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthIsUpWithAWarningWhileNextYearIsMissing() {
    CalendarProperties properties = new CalendarProperties();
    Clock november2026 = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("UTC"));
    Health health = new WorkingDayCalendarHealthIndicator(CALENDAR, properties, november2026).health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("years", List.of(2024, 2025, 2026))
        .containsEntry("provisionalYears", List.of(2027));
    assertThat((Map<Object, Object>) health.getDetails().get("sources")).containsKeys("2024", "2025", "2026");
    assertThat((String) health.getDetails().get("warning")).contains("2027 年").contains("2027.json");

    Clock june2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneId.of("UTC"));
    Health complete = new WorkingDayCalendarHealthIndicator(CALENDAR, properties, june2025).health();
    assertThat(complete.getDetails()).containsEntry("provisionalYears", List.of()).doesNotContainKey("warning");
  }
}
