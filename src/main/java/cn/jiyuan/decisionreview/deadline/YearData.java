package cn.jiyuan.decisionreview.deadline;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's days off and make-up workdays as published by the State Council General Office, i.e. the content of
 * one {@code calendar/YYYY.json}. Every date lies in {@code year}; no date is both a day off and a workday.
 */
public record YearData(int year, String source, List<Holiday> holidays, List<LocalDate> workdays) {

  /** A break of consecutive days off, {@code from} to {@code to} inclusive, e.g. 春节 2026-02-15 to 2026-02-23. */
  public record Holiday(String name, LocalDate from, LocalDate to) {
    public Holiday {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("节假日缺少名称（name）。");
      }
      if (from == null || to == null) {
        throw new IllegalArgumentException("节假日“" + name + "”缺少起止日期（from、to）。");
      }
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("节假日“" + name + "”的结束日期 " + to + " 早于开始日期 " + from + "。");
      }
      if (from.plusDays(31).isBefore(to)) {
        throw new IllegalArgumentException("节假日“" + name + "”超过 31 天，请检查日期。");
      }
    }

    public List<LocalDate> days() {
      return from.datesUntil(to.plusDays(1)).toList();
    }
  }

  public YearData {
    if (year < 1900 || year > 2199) {
      throw new IllegalArgumentException("年份（year）应在 1900 至 2199 之间，实为 " + year + "。");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(year + " 年缺少数据来源（source），应填写国务院办公厅通知的网址。");
    }
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    workdays = workdays == null ? List.of() : List.copyOf(workdays);
    Set<LocalDate> off = new HashSet<>();
    for (Holiday holiday : holidays) {
      for (LocalDate day : holiday.days()) {
        requireInYear(year, day);
        if (!off.add(day)) {
          throw new IllegalArgumentException(year + " 年的放假日期 " + day + " 重复出现。");
        }
      }
    }
    for (LocalDate day : workdays) {
      if (day == null) {
        throw new IllegalArgumentException(year + " 年的调休上班日（workdays）含空值。");
      }
      requireInYear(year, day);
      if (off.contains(day)) {
        throw new IllegalArgumentException(day + " 既是放假日又是调休上班日。");
      }
    }
  }

  private static void requireInYear(int year, LocalDate day) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException("日期 " + day + " 不属于 " + year + " 年；请写入该日期所在年份的文件。");
    }
  }
}
