package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.form.Amounts;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task listeners of post-evaluation, one named bean per step, attached in the model to the task they serve
 * (Modeler: Listeners), so the model says what each task triggers. Each runs after {@code evaluationFormRules} has
 * accepted the submission (complete) or when the task is created (create).
 */
@Configuration
public class EvaluationTaskListeners {

  // --- create: what a form shows ---

  /** 选择受委托评估机构: the agencies of the register as select options (Art. 22). */
  @Bean
  TaskListener prepareAgencyOptions(AgencyService agencies) {
    return task -> task.setVariable(AGENCY_OPTIONS, JsonVariables.json(agencies.selectOptions()));
  }

  /** 审批评估方案: the budget with digit grouping, e.g. "180,000 元". */
  @Bean
  TaskListener preparePlanBudgetText() {
    return task -> task.setVariableLocal(PLAN_BUDGET_TEXT, Amounts.yuan(task.getVariable(PLAN_BUDGET)));
  }

  /** 选择论证专家: the experts of the directory as options. */
  @Bean
  TaskListener prepareExpertOptions(IdentityService identityService) {
    return task -> task.setVariable(EXPERT_OPTIONS, JsonVariables.json(expertOptions(
        identityService.createUserQuery().memberOfGroup(Groups.EXPERTS).orderByUserId().asc().list())));
  }

  /** 专家论证: each expert answers in task-local variables, so nobody sees or overwrites another's opinion. */
  @Bean
  TaskListener prepareExpertAnswer() {
    return task -> {
      task.setVariableLocal(EXPERT_CONCLUSION, Variables.stringValue(null));
      task.setVariableLocal(EXPERT_OPINION, Variables.stringValue(null));
      task.setVariableLocal(DISSENT_REASON, Variables.stringValue(null));
    };
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

  // --- complete: what a submission means for the rest of the process ---

  /** 确定评估方式 (Art. 9, 21): the undertaking unit does the evaluation tasks and may read its files. */
  @Bean
  TaskListener applyEvaluationMethod(ParticipantGrants grants) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      String unit = FormValues.text(execution.getVariable(UNDERTAKING_UNIT));
      execution.setVariable(EVALUATOR_GROUP, unit);
      if (!"PARTIAL".equals(FormValues.text(execution.getVariable(EVALUATION_SCOPE)))) {
        execution.setVariable(DIMENSIONS_IN_SCOPE, JsonVariables.json(Arrays.stream(Dimension.values()).map(Dimension::name)
            .toList()));
      }
      grants.grantGroup(task.getProcessInstanceId(), unit);
    };
  }

  /**
   * 选择受委托评估机构 (Art. 21, 22, 25): an ineligible agency is refused here, while the task is still open (same
   * task, same due date), with the reason of the deployed table. The rule task after this one evaluates the same
   * table again, which records the check in the history; its loop back stays only as a safety net.
   */
  @Bean
  TaskListener refuseIneligibleAgency(AgencyService agencies, AgencyEligibilityCheck eligibility) {
    return task -> {
      String agencyId = FormValues.text(task.getVariable(AGENCY_ID));
      Map<String, Object> input = agencies.eligibilityInput(agencyId,
          FormValues.text(task.getVariable(DECISION_NUMBER)), FormValues.text(task.getVariable(EXECUTING_UNIT)));
      AgencyEligibilityCheck.Result check = eligibility.evaluate(task.getProcessDefinitionId(), input);
      if (!check.eligible()) {
        String name = agencies.find(agencyId).map(a -> a.name()).orElse(agencyId);
        new FormRefusal().add(AGENCY_ID, "所选机构“" + name + "”不符合受委托条件：" + check.reason() + "。请从名录中另选一家机构")
            .throwIfAny();
      }
      DelegateExecution execution = task.getExecution();
      input.forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
    };
  }

  /** 提供实施情况材料 (Art. 5): the uploads go to the evaluation's file store; the form then lists them. */
  @Bean
  TaskListener storeMaterials(EvaluationFileStore files, IdentityService identityService, Directory directory) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      String pid = task.getProcessInstanceId();
      String number = FormValues.text(task.getVariable(DECISION_NUMBER));
      String user = currentUser(identityService, task);
      for (FileValue upload : Uploads.in(task, materialFileSlots())) {
        files.addMaterial(pid, number, upload.getFilename(), Uploads.bytes(upload), user);
      }
      materialFileSlots().forEach(execution::removeVariable);
      execution.setVariable(MATERIALS, JsonVariables.json(files.materials(pid).stream().map(f -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("fileName", f.fileName());
        m.put("size", f.size());
        m.put("sizeText", Math.max(1, f.size() / 1024) + " KB");
        m.put("uploadedBy", f.uploadedBy());
        m.put("uploadedByName", directory.userName(f.uploadedBy()));
        m.put("uploadedAt", f.uploadedAt().toString());
        m.put("url", materialUrl(pid, f.id()));
        return m;
      }).toList()));
    };
  }

  public static String materialUrl(String processInstanceId, String materialId) {
    return "/api/evaluations/" + processInstanceId + "/materials/" + materialId;
  }

  /** 分析研判: out-of-scope dimensions get explicit nulls, so the grade table weighs only what is in scope (Art. 9). */
  @Bean
  TaskListener normaliseScores() {
    return task -> {
      DelegateExecution execution = task.getExecution();
      List<Dimension> inScope = EvaluationFormRules.dimensionsInScope(execution::getVariable);
      for (Dimension d : Dimension.values()) {
        if (inScope.contains(d)) {
          Long score = FormValues.wholeNumber(execution.getVariable(d.scoreVariable()));
          execution.setVariable(d.scoreVariable(), Variables.integerValue(score.intValue()));
        } else {
          execution.setVariable(d.scoreVariable(), Variables.integerValue(null));
          execution.setVariable(d.findingsVariable(), Variables.stringValue(null));
        }
      }
      execution.setVariable(SEVERE_ADVERSE_IMPACT, FormValues.isTrue(execution.getVariable(SEVERE_ADVERSE_IMPACT)));
      execution.setVariable(LEGALITY_CONFLICT, FormValues.isTrue(execution.getVariable(LEGALITY_CONFLICT)));
    };
  }

  /** 审核报告初稿 (Art. 13(1)): the team's revised Word file, if any, replaces the draft. */
  @Bean
  TaskListener storeRevisedDraft(EvaluationReports reports) {
    return task -> Uploads.in(task, List.of(REVISED_REPORT)).stream().findFirst()
        .ifPresent(revised -> reports.replaceWithRevision(task.getExecution(), Uploads.bytes(revised)));
  }

  /** 选择论证专家 (Art. 13(2)): one opinion task per expert, who may then read the evaluation's files. */
  @Bean
  TaskListener grantExperts(ParticipantGrants grants) {
    return task -> {
      List<String> experts = FormValues.stringList(task.getVariable(SELECTED_EXPERTS));
      task.getExecution().setVariable(EXPERT_USERS, JsonVariables.list(experts));
      experts.forEach(expert -> grants.grantUser(task.getProcessInstanceId(), expert));
    };
  }

  /** 专家论证 (Art. 13(2), Decree 713 Art. 38): each opinion, dissent included, is added to the report's list. */
  @Bean
  TaskListener recordExpertOpinion(Directory directory, BeijingClock clock) {
    return task -> {
      String expert = task.getAssignee();
      List<Map<String, Object>> opinions = new ArrayList<>(FormValues.objectList(task.getVariable(EXPERT_OPINIONS)));
      Map<String, Object> opinion = new LinkedHashMap<>();
      opinion.put("expert", expert);
      opinion.put("expertName", directory.userName(expert));
      opinion.put("conclusion", FormValues.text(task.getVariableLocal(EXPERT_CONCLUSION)));
      opinion.put("conclusionLabel", EvaluationCodes.label(EvaluationCodes.EXPERT_CONCLUSIONS, opinion.get("conclusion")));
      opinion.put("opinion", FormValues.text(task.getVariableLocal(EXPERT_OPINION)));
      opinion.put("dissentReason", FormValues.text(task.getVariableLocal(DISSENT_REASON)));
      opinion.put("date", clock.today().toString());
      opinions.add(opinion);
      task.getExecution().getProcessInstance().setVariable(EXPERT_OPINIONS, JsonVariables.json(opinions));
    };
  }

  /** 决策机关审定 (Art. 16): the outcome's label for the forms, and who decided, for 记入审定决定 after this step. */
  @Bean
  TaskListener recordAuthorityDecision(IdentityService identityService) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      execution.setVariable(EVALUATION_OUTCOME_LABEL,
          EvaluationCodes.label(EvaluationCodes.OUTCOMES, task.getVariable(EVALUATION_OUTCOME)));
      execution.setVariable(REPORT_APPROVED_BY, currentUser(identityService, task));
    };
  }

  private static String currentUser(IdentityService identityService, DelegateTask task) {
    return identityService.getCurrentAuthentication() == null ? task.getAssignee()
        : identityService.getCurrentAuthentication().getUserId();
  }
}
