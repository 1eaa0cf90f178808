package cn.jiyuan.decisionreview.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The Chinese working-day calendar: a working day is a listed make-up workday, or Monday to Friday and not a listed
 * day off. Periods are counted as 《民法典》 Art. 201 says: the start day is not counted. A year without data counts
 * Monday to Friday only; every result touching it is {@code provisional}, and the first use logs one WARN.
 */
@Service
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

  /** Dates whose status a notice sets: {@code false} for a day off, {@code true} for a make-up workday. */
  private final Map<LocalDate, Boolean> listed = new HashMap<>();
  private final SortedMap<Integer, String> sources = new TreeMap<>();
  private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

  /** For tests and tools: exactly these years, nothing read from disk. */
  public WorkingDayCalendar(List<YearData> years) {
    for (YearData year : years) {
      if (sources.put(year.year(), year.source()) != null) {
        throw new IllegalArgumentException(year.year() + " 年的工作日历数据重复。");
      }
      year.holidays().forEach(h -> h.days().forEach(d -> listed.put(d, false)));
      year.workdays().forEach(d -> listed.put(d, true));
    }
  }

  /** The bundled years plus the files of {@code decision-review.calendar.extra-dir}. */
  @Autowired
  public WorkingDayCalendar(CalendarProperties properties) {
    this(CalendarFiles.load(properties.getExtraDir()));
    LOG.info("工作日历：已载入 {} 年的放假安排", years());
  }

  public boolean isWorkingDay(LocalDate date) {
    Boolean status = listed.get(date);
    if (status != null) {
      return status;
    }
    warnIfProvisional(date.getYear());
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The {@code days}-th working day after {@code from} ({@code from} itself not counted); {@code from} when 0. */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("工作日天数不能为负数。");
    }
    LocalDate date = from;
    for (int counted = 0; counted < days; ) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** Working days after {@code from} up to and including {@code to}, e.g. working days overdue; 0 when to ≤ from. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /** True when no data has been loaded for {@code year}: it is counted as Monday to Friday. */
  public boolean isProvisional(int year) {
    return !sources.containsKey(year);
  }

  /** {@link #addWorkingDays} with the provisional flag of every year from {@code from} to the result. */
  public Deadline deadline(LocalDate from, int days) {
    LocalDate date = addWorkingDays(from, days);
    return new Deadline(date, anyProvisional(from.getYear(), date.getYear()));
  }

  /** {@link #isWorkingDay} with the provisional flag of the date's year. */
  public DayCheck check(LocalDate date) {
    return new DayCheck(date, isWorkingDay(date), isProvisional(date.getYear()));
  }

  /** {@link #workingDaysBetween} with the provisional flag of every year counted. */
  public DayCount count(LocalDate from, LocalDate to) {
    int days = workingDaysBetween(from, to);
    return new DayCount(days, to.isAfter(from) && anyProvisional(from.plusDays(1).getYear(), to.getYear()));
  }

  /** The years with data, ascending. */
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(sources.keySet()));
  }

  /** Year → URL of the State Council notice the data comes from. */
  public SortedMap<Integer, String> sources() {
    return Collections.unmodifiableSortedMap(sources);
  }

  private boolean anyProvisional(int fromYear, int toYear) {
    for (int year = fromYear; year <= toYear; year++) {
      if (isProvisional(year)) {
        return true;
      }
    }
    return false;
  }

  private void warnIfProvisional(int year) {
    if (isProvisional(year) && warned.add(year)) {
      LOG.warn("工作日历：{} 年的放假安排尚未录入，暂按周一至周五计算工作日，相关期限为临时结果；"
          + "国务院办公厅发布通知后请添加 {}.json。", year, year);
    }
  }

  /** A date reached by counting working days; {@code provisional} when a year on the way has no data. */
  public record Deadline(LocalDate date, boolean provisional) {}

  public record DayCheck(LocalDate date, boolean workingDay, boolean provisional) {}

  /** A number of working days, e.g. working days overdue. */
  public record DayCount(int days, boolean provisional) {}
}
