package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.rectification.MetaEvaluations;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/assessment/{year}} (Art. 26, contract): the figures per executing unit and the evaluations per
 * decision of one calendar year in Beijing time. Dates are {@code yyyy-MM-dd}; {@code generatedAt} is ISO 8601 with
 * offset.
 */
public record AssessmentReport(int year, String generatedAt, List<UnitFigures> units, List<DecisionEntry> decisions,
    List<UnitRectifications> rectifications, List<MetaEvaluations.MetaEvaluation> metaEvaluations) {

  /** The contract's report before follow-through (issue 14): no rectification figures. */
  public AssessmentReport(int year, String generatedAt, List<UnitFigures> units, List<DecisionEntry> decisions) {
    this(year, generatedAt, units, decisions, List.of(), List.of());
  }

  /**
   * The rectification items (整改事项, Art. 16, 17, 26) of one responsible unit made before the year's end, as they
   * stood at its end (or now, in the current year): {@code open} includes {@code overdue}; {@code carriedOut} are
   * closed with the unit's 已完成; {@code rejected} were not accepted by the authority.
   */
  public record UnitRectifications(String unit, String unitName, int recommendations, int open, int closed,
      int overdue, int carriedOut, int rejected) {}

  /** The same report with its rectification figures. */
  public AssessmentReport withRectifications(List<UnitRectifications> value) {
    return new AssessmentReport(year, generatedAt, units, decisions, List.copyOf(value), metaEvaluations);
  }

  /** The same report with the meta-evaluations of the evaluations completed in the year. */
  public AssessmentReport withMetaEvaluations(List<MetaEvaluations.MetaEvaluation> value) {
    return new AssessmentReport(year, generatedAt, units, decisions, rectifications, List.copyOf(value));
  }

  /** One row of the unit table; the three maps list every code of their contract enum, zeros included. */
  public record UnitFigures(String unit, String unitName, int decisionsTracked, int evaluationsDue,
      int evaluationsStarted, int evaluationsCompleted, int completedOnTime, int tasksOverdue, int workingDaysOverdue,
      int waived, Map<String, Integer> outcomes, Map<String, Integer> grades,
      Map<String, Integer> participationChannels) {}

  public record DecisionEntry(String decisionNumber, String decisionTitle, String executingUnit,
      List<EvaluationEntry> evaluations) {}

  /** {@code onTime} is null while an evaluation runs and for a waiver; grade and outcome null until approved. */
  public record EvaluationEntry(String evaluationType, String startedAt, String completedAt, Boolean onTime,
      String grade, String outcome, boolean waived) {}

  /** The same report with only the units (and their decisions) a reader may see. */
  public AssessmentReport restrictedTo(Predicate<String> unitVisible) {
    return new AssessmentReport(year, generatedAt, units.stream().filter(u -> unitVisible.test(u.unit())).toList(),
        decisions.stream().filter(d -> unitVisible.test(d.executingUnit())).toList(),
        rectifications == null ? List.of()
            : rectifications.stream().filter(r -> unitVisible.test(r.unit())).toList(),
        metaEvaluations == null ? List.of() : metaEvaluations.stream().filter(m -> decisions.stream()
            .anyMatch(d -> unitVisible.test(d.executingUnit()) && d.decisionNumber().equals(m.decisionNumber())))
            .toList());
  }
}
