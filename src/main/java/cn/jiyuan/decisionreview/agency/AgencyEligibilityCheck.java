package cn.jiyuan.decisionreview.agency;

import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed DMN {@code agencyEligibility} for an agency while its selection is being submitted, so
 * that an ineligible agency is refused on the spot and the rules stay in the decision table, editable by analysts.
 * It takes the latest deployed version, as the process's rule task does ({@code decisionRefBinding="latest"}):
 * a table an analyst deploys from Modeler governs the next selection (README: which rule version applies), and
 * the refusal on submit and the check after it apply the same table.
 */
@Component
public class AgencyEligibilityCheck {

  public static final String DECISION_KEY = "agencyEligibility";
  /** Used only if the table ever matched no rule: the table ends with a catch-all rule, so this is a safety net. */
  static final String NO_RULE_MATCHED = "该机构不符合受委托条件";

  private final DecisionService decisions;
  private final SystemCalls system;

  public AgencyEligibilityCheck(DecisionService decisions, SystemCalls system) {
    this.decisions = decisions;
    this.system = system;
  }

  /**
   * @param processDefinitionId the process asking; the table is the latest version whatever its deployment
   * @param input what {@link AgencyService#eligibilityInput} builds
   */
  public Result evaluate(String processDefinitionId, Map<String, Object> input) {
    // The submitting user may not evaluate decisions directly; the check is the process's, not theirs.
    return system.run(() -> {
      DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
          .variables(input).evaluate().getFirstResult();
      if (result == null) {
        return new Result(false, NO_RULE_MATCHED);
      }
      return new Result(Boolean.TRUE.equals(result.getEntry("eligible")), result.getEntry("reason"));
    });
  }

  /** The table's outputs (DESIGN.md §5): {@code eligible} and a Chinese {@code reason} citing the article. */
  public record Result(boolean eligible, String reason) {}
}
