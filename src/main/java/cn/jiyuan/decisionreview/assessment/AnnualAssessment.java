package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Decision;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Evaluation;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.TaskFact;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Waiver;
import cn.jiyuan.decisionreview.assessment.AssessmentReport.DecisionEntry;
import cn.jiyuan.decisionreview.assessment.AssessmentReport.EvaluationEntry;
import cn.jiyuan.decisionreview.assessment.AssessmentReport.UnitFigures;
import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The figures of the annual rule-of-law assessment (Art. 26) for one calendar year in Beijing time, computed from
 * {@link AssessmentFacts} without an engine. The definitions (README, "Annual assessment"):
 * <ul>
 *   <li>a decision is <b>tracked</b> in the year when its tracking ran on at least one day of it;</li>
 *   <li><b>evaluationsDue</b>: Art. 19 scheduled evaluations whose due date falls in the year (and not after the
 *       tracking ended); requested ones (Art. 8, 18) are never "due";</li>
 *   <li>an evaluation counts as <b>started</b> in the year it started and as <b>completed</b> in the year it was
 *       archived; it is listed for a year when either falls in it;</li>
 *   <li><b>completedOnTime</b>: completed in the year and none of its user tasks ended after its due date (the
 *       deadlines of {@code taskDeadline}; the Measures set no total duration, the system sets one per step);</li>
 *   <li><b>outcomes</b>, <b>grades</b>, <b>participationChannels</b>: of the evaluations completed in the year, when
 *       they are final; a channel counts once per evaluation that used it;</li>
 *   <li><b>waived</b>: Art. 20 waivers confirmed in the year;</li>
 *   <li><b>tasksOverdue</b>: tasks offered to the unit that were past due on some day of the year (ended late in it,
 *       or open past due at its end or today); <b>workingDaysOverdue</b>: their working days late that fall in the
 *       year ({@link WorkingDayCalendar}, 调休 included), so years add up.</li>
 * </ul>
 */
public final class AnnualAssessment {

  private static final DateTimeFormatter GENERATED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private AnnualAssessment() {}

  public static AssessmentReport compute(int year, AssessmentFacts facts, WorkingDayCalendar calendar, Instant now) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Map<String, Decision> byNumber = new HashMap<>();
    facts.decisions().forEach(d -> byNumber.put(d.decisionNumber(), d));
    Map<String, List<TaskFact>> tasksByInstance = facts.tasks().stream()
        .filter(t -> t.processInstanceId() != null).collect(Collectors.groupingBy(TaskFact::processInstanceId));

    Set<String> units = new TreeSet<>(facts.unitNames().keySet());
    facts.decisions().stream().map(Decision::executingUnit).filter(Objects::nonNull).forEach(units::add);
    Map<String, Counter> counters = new LinkedHashMap<>();
    units.forEach(u -> counters.put(u, new Counter()));

    List<Decision> tracked = facts.decisions().stream().filter(d -> trackedIn(d, first, last))
        .sorted(Comparator.comparing(Decision::decisionNumber)).toList();
    Map<String, List<EvaluationEntry>> entries = new LinkedHashMap<>();
    for (Decision d : tracked) {
      Counter c = counters.get(d.executingUnit());
      entries.put(d.decisionNumber(), new ArrayList<>());
      if (c == null) {
        continue;
      }
      c.decisionsTracked++;
      c.evaluationsDue += (int) d.scheduledDueDates().stream().filter(due -> due.getYear() == year)
          .filter(due -> d.trackedUntil() == null || !due.isAfter(d.trackedUntil())).count();
    }
    for (Evaluation e : facts.evaluations().stream().sorted(Comparator.comparing(Evaluation::started,
        Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
      Decision d = byNumber.get(e.decisionNumber());
      boolean started = in(e.started(), year);
      boolean completed = in(e.completed(), year);
      if (d == null || !(started || completed)) {
        continue;
      }
      Boolean onTime = e.completed() == null ? null
          : tasksByInstance.getOrDefault(e.processInstanceId(), List.of()).stream().noneMatch(AnnualAssessment::late);
      entries.computeIfAbsent(d.decisionNumber(), k -> new ArrayList<>()).add(new EvaluationEntry(e.evaluationType(),
          text(e.started()), text(e.completed()), onTime, e.grade(), e.outcome(), false));
      Counter c = counters.get(d.executingUnit());
      if (c == null) {
        continue;
      }
      if (started) {
        c.evaluationsStarted++;
      }
      if (completed) {
        c.evaluationsCompleted++;
        if (Boolean.TRUE.equals(onTime)) {
          c.completedOnTime++;
        }
        c.add(c.outcomes, e.outcome());
        c.add(c.grades, e.grade());
        e.channels().forEach(ch -> c.add(c.channels, ch));
      }
    }
    for (Decision d : facts.decisions()) {
      for (Waiver w : d.waivers()) {
        if (!in(w.completedDate(), year)) {
          continue;
        }
        entries.computeIfAbsent(d.decisionNumber(), k -> new ArrayList<>()).add(new EvaluationEntry(
            w.evaluationType(), text(w.startedDate()), text(w.completedDate()), null, null, null, true));
        Counter c = counters.get(d.executingUnit());
        if (c != null) {
          c.waived++;
        }
      }
    }
    Instant yearStart = first.atStartOfDay(BeijingClock.ZONE).toInstant();
    Instant yearEnd = last.plusDays(1).atStartOfDay(BeijingClock.ZONE).toInstant();
    for (TaskFact t : facts.tasks()) {
      Instant lateUntil = t.end() == null ? now : t.end();
      if (t.due() == null || !lateUntil.isAfter(t.due()) || !t.due().isBefore(yearEnd) || !lateUntil.isAfter(yearStart)) {
        continue;
      }
      LocalDate from = max(date(t.due()), first.minusDays(1));
      LocalDate to = min(date(lateUntil), last);
      int days = calendar.workingDaysBetween(from, to);
      for (String group : t.candidateGroups()) {
        Counter c = counters.get(group);
        if (c != null) {
          c.tasksOverdue++;
          c.workingDaysOverdue += days;
        }
      }
    }

    List<UnitFigures> unitRows = counters.entrySet().stream().map(en -> en.getValue().figures(en.getKey(),
        facts.unitNames().getOrDefault(en.getKey(), en.getKey()))).toList();
    List<DecisionEntry> decisionRows = new ArrayList<>();
    Set<String> listed = new TreeSet<>();
    for (Decision d : tracked) {
      listed.add(d.decisionNumber());
    }
    entries.keySet().stream().filter(byNumber::containsKey).forEach(listed::add);
    for (String number : listed) {
      Decision d = byNumber.get(number);
      List<EvaluationEntry> list = new ArrayList<>(entries.getOrDefault(number, List.of()));
      list.sort(Comparator.comparing(EvaluationEntry::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
      decisionRows.add(new DecisionEntry(number, d.title(), d.executingUnit(), List.copyOf(list)));
    }
    return new AssessmentReport(year, GENERATED.format(ZonedDateTime.ofInstant(now, BeijingClock.ZONE)), unitRows,
        decisionRows);
  }

  static boolean trackedIn(Decision d, LocalDate first, LocalDate last) {
    return d.trackedFrom() != null && !d.trackedFrom().isAfter(last)
        && (d.trackedUntil() == null || !d.trackedUntil().isBefore(first));
  }

  /** Ended after its due date; an open task of an ended evaluation does not exist. */
  private static boolean late(TaskFact t) {
    return t.due() != null && t.end() != null && t.end().isAfter(t.due());
  }

  private static boolean in(LocalDate day, int year) {
    return day != null && day.getYear() == year;
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }

  private static LocalDate date(Instant instant) {
    return instant.atZone(BeijingClock.ZONE).toLocalDate();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static final class Counter {
    int decisionsTracked;
    int evaluationsDue;
    int evaluationsStarted;
    int evaluationsCompleted;
    int completedOnTime;
    int tasksOverdue;
    int workingDaysOverdue;
    int waived;
    final Map<String, Integer> outcomes = zeros(EvaluationCodes.OUTCOMES);
    final Map<String, Integer> grades = zeros(EvaluationCodes.GRADES);
    final Map<String, Integer> channels = zeros(EvaluationCodes.CHANNELS);

    void add(Map<String, Integer> map, String code) {
      if (code != null) {
        map.merge(code, 1, Integer::sum);
      }
    }

    UnitFigures figures(String unit, String name) {
      return new UnitFigures(unit, name, decisionsTracked, evaluationsDue, evaluationsStarted, evaluationsCompleted,
          completedOnTime, tasksOverdue, workingDaysOverdue, waived, Collections.unmodifiableMap(outcomes),
          Collections.unmodifiableMap(grades), Collections.unmodifiableMap(channels));
    }

    private static Map<String, Integer> zeros(Map<String, String> codes) {
      Map<String, Integer> map = new LinkedHashMap<>();
      codes.keySet().forEach(k -> map.put(k, 0));
      return map;
    }
  }
}
