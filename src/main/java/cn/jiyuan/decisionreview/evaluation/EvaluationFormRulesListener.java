package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.MATERIAL_FILE_PREFIX;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.REVISED_REPORT;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.materialFileSlots;

import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.evaluation.files.FileRules;
import cn.jiyuan.decisionreview.evaluation.files.Uploads;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The one generic complete listener of post-evaluation, first on every user task: applies the server-side rules of
 * the task's form ({@link EvaluationFormRules}, chosen by the task's {@code formRules} property) and refuses a
 * submission that breaks one, so the task stays open and nothing the later listeners do happens.
 */
@Component("evaluationFormRules")
public class EvaluationFormRulesListener implements TaskListener {

  private final EvaluationFormRules rules = new EvaluationFormRules();
  private final EvaluationFormRules.Context context;

  public EvaluationFormRulesListener(AgencyService agencies, IdentityService identityService) {
    this.context = new EvaluationFormRules.Context() {
      @Override
      public boolean agencyExists(String agencyId) {
        return agencies.find(agencyId).isPresent();
      }

      @Override
      public boolean isExpert(String userId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.EXPERTS).count() > 0;
      }

      @Override
      public boolean isResponsibleUnit(String groupId) {
        return EvaluationFormRules.Context.super.isResponsibleUnit(groupId)
            && identityService.createGroupQuery().groupId(groupId).count() > 0;
      }
    };
  }

  @Override
  public void notify(DelegateTask task) {
    String ruleSet = TaskKeys.ruleSet(task);
    if (ruleSet == null) { // a fault of the model, which PostEvaluationModelTest guards against
      throw new IllegalStateException("任务“" + task.getName() + "”未在扩展属性 " + TaskKeys.FORM_RULES_PROPERTY + " 中声明表单规则");
    }
    FormRefusal refusal = rules.check(ruleSet, task::getVariable, context);
    switch (ruleSet) {
      case TaskKeys.SUPPLY_MATERIALS -> refusal.require(
          !Uploads.checked(task, materialFileSlots(), FileRules.MATERIAL_EXTENSIONS, refusal).isEmpty(),
          MATERIAL_FILE_PREFIX + 1, "请至少上传一份实施情况材料（第五条）");
      case TaskKeys.REVIEW_DRAFT -> Uploads.checked(task, List.of(REVISED_REPORT), FileRules.REPORT_EXTENSIONS, refusal);
      default -> { }
    }
    refusal.throwIfAny();
  }
}
