package cn.jiyuan.decisionreview.assessment;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/assessment/{year}} (Art. 26, contract): the figures per executing unit and the evaluations per
 * decision of one calendar year in Beijing time. Dates are {@code yyyy-MM-dd}; {@code generatedAt} is ISO 8601 with
 * offset.
 */
public record AssessmentReport(int year, String generatedAt, List<UnitFigures> units, List<DecisionEntry> decisions) {

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
        decisions.stream().filter(d -> unitVisible.test(d.executingUnit())).toList());
  }
}
