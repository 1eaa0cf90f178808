package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.form.Amounts;
import cn.jiyuan.decisionreview.identity.Groups;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Task create listener: puts what a form shows (options from the register and the directory, amounts as text) in place. */
@Component("evaluationTaskPreparation")
public class EvaluationTaskPreparation implements TaskListener {

  private final AgencyService agencies;
  private final IdentityService identityService;

  public EvaluationTaskPreparation(AgencyService agencies, IdentityService identityService) {
    this.agencies = agencies;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (TaskKeys.canonical(task.getTaskDefinitionKey())) {
      case TaskKeys.SELECT_AGENCY -> task.setVariable(AGENCY_OPTIONS, JsonVariables.json(agencies.selectOptions()));
      case TaskKeys.APPROVE_PLAN -> task.setVariableLocal(PLAN_BUDGET_TEXT, Amounts.yuan(task.getVariable(PLAN_BUDGET)));
      case TaskKeys.SELECT_EXPERTS -> task.setVariable(EXPERT_OPTIONS, JsonVariables.json(expertOptions(
          identityService.createUserQuery().memberOfGroup(Groups.EXPERTS).orderByUserId().asc().list())));
      case TaskKeys.EXPERT_OPINION -> {
        // Each expert answers in task-local variables: nobody sees or overwrites another expert's opinion.
        task.setVariableLocal(EXPERT_CONCLUSION, Variables.stringValue(null));
        task.setVariableLocal(EXPERT_OPINION, Variables.stringValue(null));
        task.setVariableLocal(DISSENT_REASON, Variables.stringValue(null));
      }
      default -> { }
    }
  }

  /** Experts are picked by name; only namesakes are told apart by their account. */
  static List<Map<String, String>> expertOptions(List<User> experts) {
    Map<String, Long> names = experts.stream()
        .collect(Collectors.groupingBy(u -> u.getFirstName() + u.getLastName(), Collectors.counting()));
    return experts.stream().map(u -> {
      String name = u.getFirstName() + u.getLastName();
      return Map.of("label", names.get(name) > 1 ? name + "（" + u.getId() + "）" : name, "value", u.getId());
    }).toList();
  }
}
