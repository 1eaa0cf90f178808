package cn.jiyuan.decisionreview.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decisions of DESIGN.md §5 whose ids, inputs and outputs are a contract: the processes fill these inputs
 * and read these outputs, so a table deployed with other columns would break them at the next evaluation.
 */
public final class ContractDecisions {

  /**
   * One contract decision. {@code requiredInputs} must all be columns, no column may read anything outside
   * {@code allowedInputs} (nothing else is ever given), every {@code requiredOutputs} must be produced.
   */
  public record Contract(String id, String name, Set<String> requiredInputs, Set<String> allowedInputs,
      Set<String> requiredOutputs) {}

  private static final Set<String> SCORES = Set.of("scoreLegality", "scoreExecution", "scoreProcedure",
      "scoreAlignment", "scoreEffect", "scoreObjectives");

  public static final Map<String, Contract> ALL = index(List.of(
      exact("evaluationSchedule", "定期评估安排（第十九条）", Set.of("decisionCategory", "broadImpact", "termMonths"),
          Set.of("evaluationType", "dueMonths")),
      // refusalReason: the only place the refusal text, and so the threshold, is written (no Java copy)
      exact("evaluationTrigger", "跟踪反馈与后评估启动（第八条、第十八条）", Set.of("requestReason", "publicOpinionCount"),
          Set.of("accepted", "legalBasis", "urgent", "refusalReason")),
      exact("evaluationExemption", "不重复组织评估（第二十条）", Set.of("evaluationType",
          "monthsSinceLastExecutionEvaluation", "newCircumstances", "superiorOrganizes", "assistingSuperior"),
          Set.of("waivable", "legalBasis")),
      exact("agencyEligibility", "受委托评估机构资格（第二十一条、第二十二条、第二十五条）", Set.of("agencyType", "creditGood",
          "hasFacilities", "staffQualified", "involvedInPreDecisionArgumentation", "affiliatedWithExecutingUnit",
          "sanctioned"), Set.of("eligible", "reason")),
      // a DRD: the literal expression weightedScore weighs the six scores and feeds the table
      new Contract("evaluationGrade", "评估等级（第七条、第十六条）", Set.of("severeAdverseImpact", "legalityConflict"),
          union(SCORES, Set.of("weightedScore", "severeAdverseImpact", "legalityConflict")),
          Set.of("grade", "suggestedOutcome")),
      exact("taskDeadline", "办理期限", Set.of("taskKey"), Set.of("workingDays", "reminderWorkingDays"))));

  private ContractDecisions() {}

  public static List<String> ids() {
    return List.copyOf(ALL.keySet());
  }

  private static Contract exact(String id, String name, Set<String> inputs, Set<String> outputs) {
    return new Contract(id, name, inputs, inputs, outputs);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static Map<String, Contract> index(List<Contract> contracts) {
    Map<String, Contract> map = new LinkedHashMap<>();
    contracts.forEach(c -> map.put(c.id(), c));
    return java.util.Collections.unmodifiableMap(map);
  }
}
