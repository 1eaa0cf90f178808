package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.rectification.MetaEvaluations;
import cn.jiyuan.decisionreview.rectification.RectificationService;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual assessment (Art. 26) for a year and a reader: who may read what, which years exist, and the report and
 * workbook themselves. The January process uses the same report for legal-affairs.
 */
@Service
public class AnnualAssessments {

  /** Read every unit and decision: they coordinate, supervise or decide (Art. 23 lists them as participants). */
  static final Set<String> SEE_ALL = Set.of(Groups.LEGAL_AFFAIRS, Groups.SUPERVISION_OFFICE,
      Groups.DECISION_AUTHORITY, Groups.CAMUNDA_ADMIN);
  /** The Measures were published in 2022 (济政办〔2022〕4号); no assessment year lies before it. */
  static final int FIRST_YEAR = 2022;

  private final AssessmentSource source;
  private final WorkingDayCalendar calendar;
  private final BeijingClock clock;
  private final OrganisationProperties organisation;
  private final RectificationService rectifications;
  private final MetaEvaluations metaEvaluations;

  public AnnualAssessments(AssessmentSource source, WorkingDayCalendar calendar, BeijingClock clock,
      OrganisationProperties organisation, RectificationService rectifications, MetaEvaluations metaEvaluations) {
    this.rectifications = rectifications;
    this.metaEvaluations = metaEvaluations;
    this.source = source;
    this.calendar = calendar;
    this.clock = clock;
    this.organisation = organisation;
  }

  /** The whole report, for the system's own use (the January workbook). */
  public AssessmentReport report(int year) {
    java.time.Instant now = clock.instant();
    java.time.Instant yearEnd = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(BeijingClock.ZONE).toInstant()
        .minusMillis(1);
    java.time.Instant asOf = now.isBefore(yearEnd) ? now : yearEnd;
    return AnnualAssessment.compute(year, source.read(year), calendar, now).withRectifications(
        rectifications.units(asOf).stream().map(u -> new AssessmentReport.UnitRectifications(u.unit(), u.unitName(),
            u.counts().recommendations(), u.counts().open(), u.counts().closed(), u.counts().overdue(),
            u.counts().carriedOut(), u.counts().rejected())).toList())
        .withMetaEvaluations(metaEvaluations.completedIn(year));
  }

  /**
   * The units {@code user} may read: every one for the four read-all roles, an executing unit's member its own;
   * 403 for experts, agencies and anyone else, before anything is read.
   */
  public Predicate<String> visibleUnits(CurrentUser user) {
    if (user.groupIds().stream().anyMatch(SEE_ALL::contains)) {
      return unit -> true;
    }
    List<String> units = user.executingUnits();
    if (units.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "年度法治政府建设考核材料只供市司法局、督办科、决策机关和执行单位（本单位）查阅。");
    }
    return units::contains;
  }

  /** The report as {@code user} may read it. */
  public AssessmentReport report(CurrentUser user, int year) {
    Predicate<String> visible = visibleUnits(user);
    return report(year).restrictedTo(visible);
  }

  public byte[] workbook(AssessmentReport report) {
    return AssessmentWorkbook.write(report, organisation.authorityName());
  }

  /** A four-digit year from the Measures' publication to the current year (Beijing time); else 400 in Chinese. */
  public int year(String text) {
    int current = clock.today().getYear();
    String message = "考核年度应为 " + FIRST_YEAR + " 年至 " + current + " 年之间的四位数字年份。";
    if (text == null || !text.matches("[0-9]{4}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
    int year = Integer.parseInt(text);
    if (year < FIRST_YEAR || year > current) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
    return year;
  }
}
