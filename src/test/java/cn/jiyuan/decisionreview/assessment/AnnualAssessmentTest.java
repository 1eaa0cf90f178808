package cn.jiyuan.decisionreview.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Decision;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Evaluation;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.TaskFact;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Waiver;
import cn.jiyuan.decisionreview.assessment.AssessmentReport.UnitFigures;
import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The definitions of the annual figures (Art. 26) at the edges of a year, without an engine. */
class AnnualAssessmentTest {

  static final String UNIT = "exec-fgw";
  /** Monday to Friday (no holiday data): easy to count by hand. */
  static final WorkingDayCalendar WEEKDAYS = new WorkingDayCalendar(List.of());

  static Instant at(String day, String time) {
    return LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(BeijingClock.ZONE).toInstant();
  }

  static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  static UnitFigures unit(AssessmentReport report) {
    return report.units().stream().filter(u -> u.unit().equals(UNIT)).findFirst().orElseThrow();
  }

  static AssessmentFacts facts(List<Decision> decisions, List<Evaluation> evaluations, List<TaskFact> tasks) {
    return new AssessmentFacts(decisions, evaluations, tasks, Map.of(UNIT, "市发展和改革委员会", "exec-jyj", "市教育局"));
  }

  @Test
  void trackingDueDatesAndWaiversCountInTheirYearOnly() {
    Decision ended = new Decision("济政〔2025〕1号", "甲", UNIT, d("2025-03-01"), d("2026-06-30"),
        List.of(d("2026-03-01"), d("2027-03-01")), List.of(new Waiver("EXECUTION", d("2026-03-01"), d("2026-03-05"))));
    Decision later = new Decision("济政〔2027〕1号", "乙", UNIT, d("2027-01-02"), null, List.of(d("2027-06-01")), List.of());
    AssessmentReport y2026 = AnnualAssessment.compute(2026, facts(List.of(ended, later), List.of(), List.of()), WEEKDAYS,
        at("2027-01-10", "09:00"));
    UnitFigures u = unit(y2026);
    assertThat(u.decisionsTracked()).isEqualTo(1);
    // the 2027 due date lies after the tracking ended: not due
    assertThat(u.evaluationsDue()).isEqualTo(1);
    assertThat(u.waived()).isEqualTo(1);
    assertThat(y2026.decisions()).singleElement().satisfies(dec -> assertThat(dec.evaluations()).singleElement()
        .satisfies(e -> assertThat(e.waived()).isTrue()));
    assertThat(unit(AnnualAssessment.compute(2027, facts(List.of(ended, later), List.of(), List.of()), WEEKDAYS,
        at("2027-12-31", "09:00"))).evaluationsDue()).isEqualTo(1);
    // every unit of the directory has its row, zeros included
    assertThat(y2026.units()).extracting(UnitFigures::unit).containsExactly("exec-fgw", "exec-jyj");
  }

  @Test
  void anEvaluationCountsAsStartedInItsStartYearAndCompletedInItsCompletionYear() {
    Decision decision = new Decision("济政〔2025〕2号", "丙", UNIT, d("2025-01-01"), null, List.of(), List.of());
    Evaluation across = new Evaluation("pi-1", "济政〔2025〕2号", "TRIGGERED", d("2025-12-20"), d("2026-01-20"), "FAIR",
        "ADJUST", Set.of("SYMPOSIUM", "ONLINE_SURVEY"));
    // its approval came a working day late
    TaskFact approval = new TaskFact("t-1", "pi-1", Set.of("decision-authority"), at("2026-01-15", "17:30"),
        at("2026-01-16", "09:00"));
    AssessmentFacts facts = facts(List.of(decision), List.of(across), List.of(approval));
    UnitFigures y2025 = unit(AnnualAssessment.compute(2025, facts, WEEKDAYS, at("2026-02-01", "09:00")));
    assertThat(y2025.evaluationsStarted()).isEqualTo(1);
    assertThat(y2025.evaluationsCompleted()).isZero();
    assertThat(y2025.outcomes()).containsEntry("ADJUST", 0);
    UnitFigures y2026 = unit(AnnualAssessment.compute(2026, facts, WEEKDAYS, at("2026-02-01", "09:00")));
    assertThat(y2026.evaluationsStarted()).isZero();
    assertThat(y2026.evaluationsCompleted()).isEqualTo(1);
    assertThat(y2026.completedOnTime()).isZero();
    assertThat(y2026.outcomes()).containsEntry("ADJUST", 1);
    assertThat(y2026.grades()).containsEntry("FAIR", 1);
    assertThat(y2026.participationChannels()).containsEntry("SYMPOSIUM", 1).containsEntry("ONLINE_SURVEY", 1)
        .containsEntry("FIELD_RESEARCH", 0);
    // the authority's late task is not the unit's
    assertThat(y2026.tasksOverdue()).isZero();
  }

  @Test
  void overdueWorkingDaysAreSplitAtTheTurnOfTheYear() {
    Decision decision = new Decision("济政〔2025〕3号", "丁", UNIT, d("2025-01-01"), null, List.of(), List.of());
    // due Monday 2025-12-29, done Wednesday 2026-01-07: Tue 30, Wed 31 late in 2025; Thu 1 … Wed 7 (5 days) in 2026
    TaskFact materials = new TaskFact("t-2", "pi-2", Set.of(UNIT), at("2025-12-29", "17:30"), at("2026-01-07", "10:00"));
    // still open, due Friday 2026-12-18: 18 … 31 December in 2026 (9 days), not counted in 2025
    TaskFact open = new TaskFact("t-3", "pi-3", Set.of(UNIT), at("2026-12-18", "17:30"), null);
    // done the same day after 17:30: late, by less than a working day
    TaskFact evening = new TaskFact("t-4", "pi-4", Set.of(UNIT), at("2026-03-02", "17:30"), at("2026-03-02", "19:00"));
    TaskFact onTime = new TaskFact("t-5", "pi-5", Set.of(UNIT), at("2026-03-02", "17:30"), at("2026-03-02", "17:00"));
    AssessmentFacts facts = facts(List.of(decision), List.of(), List.of(materials, open, evening, onTime));
    UnitFigures y2025 = unit(AnnualAssessment.compute(2025, facts, WEEKDAYS, at("2027-01-10", "09:00")));
    assertThat(y2025.tasksOverdue()).isEqualTo(1);
    assertThat(y2025.workingDaysOverdue()).isEqualTo(2);
    UnitFigures y2026 = unit(AnnualAssessment.compute(2026, facts, WEEKDAYS, at("2027-01-10", "09:00")));
    assertThat(y2026.tasksOverdue()).isEqualTo(3);
    assertThat(y2026.workingDaysOverdue()).isEqualTo(5 + 9);
    // during the year, an open task is late until now
    UnitFigures midDecember = unit(AnnualAssessment.compute(2026, facts, WEEKDAYS, at("2026-12-22", "09:00")));
    assertThat(midDecember.workingDaysOverdue()).isEqualTo(5 + 2);
  }

  @Test
  void aReaderSeesOnlyTheUnitsItMay() {
    Decision fgw = new Decision("济政〔2025〕4号", "戊", UNIT, d("2025-01-01"), null, List.of(), List.of());
    Decision jyj = new Decision("济政〔2025〕5号", "己", "exec-jyj", d("2025-01-01"), null, List.of(), List.of());
    AssessmentReport report = AnnualAssessment.compute(2026, facts(List.of(fgw, jyj), List.of(), List.of()), WEEKDAYS,
        at("2026-06-01", "09:00")).restrictedTo("exec-jyj"::equals);
    assertThat(report.units()).extracting(UnitFigures::unit).containsExactly("exec-jyj");
    assertThat(report.decisions()).extracting(AssessmentReport.DecisionEntry::decisionNumber)
        .containsExactly("济政〔2025〕5号");
  }

  @Test
  void theSubmissionRecordIsCheckedAgainOnTheServer() {
    LocalDate today = d("2027-01-06");
    assertThat(AnnualAssessmentSteps.submissionRules(d("2027-01-06"), 2026, today, "市委依法治市办").isEmpty()).isTrue();
    assertThat(AnnualAssessmentSteps.submissionRules(null, 2026, today, "市委依法治市办").problems())
        .containsExactly("请填写报送日期（格式 YYYY-MM-DD）");
    assertThat(AnnualAssessmentSteps.submissionRules(d("2026-12-31"), 2026, today, "x").problems()).singleElement()
        .asString().contains("不能早于 2027-01-01");
    assertThat(AnnualAssessmentSteps.submissionRules(d("2027-01-07"), 2026, today, "x").problems()).singleElement()
        .asString().contains("不能晚于今天");
    assertThat(AnnualAssessmentSteps.submissionRules(today, 2026, today, null).problems()).containsExactly("请填写报送单位");
  }
}
