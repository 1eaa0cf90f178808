package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.evaluation.files.Uploads;
import cn.jiyuan.decisionreview.form.Amounts;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import cn.jiyuan.decisionreview.shared.SelectOption;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
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
    return task -> AGENCY_OPTIONS.set(task, agencies.selectOptions());
  }

  /** 审批评估方案: the budget with digit grouping, e.g. "180,000 元". */
  @Bean
  TaskListener preparePlanBudgetText() {
    return task -> PLAN_BUDGET_TEXT.setLocal(task, Amounts.yuan(PLAN_BUDGET.get(task)));
  }

  /** 选择论证专家: the experts of the directory as options. */
  @Bean
  TaskListener prepareExpertOptions(IdentityService identityService) {
    return task -> EXPERT_OPTIONS.set(task, expertOptions(
        identityService.createUserQuery().memberOfGroup(Groups.EXPERTS).orderByUserId().asc().list()));
  }

  /**
   * 分析研判 and 正式形成评估报告 (create): whom a recommendation may go to, from the directory rather than a list in
   * the forms, so a unit added in Admin is offered at once (Art. 16, 17). The form rules accept the same groups.
   */
  @Bean
  TaskListener prepareResponsibleUnitOptions(IdentityService identityService, SystemCalls system) {
    return task -> RESPONSIBLE_UNIT_OPTIONS.set(task,
        responsibleUnitOptions(system.run(() -> identityService.createGroupQuery().orderByGroupId().asc().list())));
  }

  /** The executing units by id, then the other groups a recommendation may go to, in their fixed order. */
  static List<SelectOption> responsibleUnitOptions(List<Group> groups) {
    List<SelectOption> options = new ArrayList<>();
    groups.stream().filter(g -> Groups.isExecutingUnit(g.getId()))
        .sorted(java.util.Comparator.comparing(Group::getId))
        .forEach(g -> options.add(new SelectOption(g.getName() == null ? g.getId() : g.getName(), g.getId())));
    for (String id : EvaluationFormRules.RESPONSIBLE_STAFF_GROUPS) {
      groups.stream().filter(g -> id.equals(g.getId())).findFirst()
          .ifPresent(g -> options.add(new SelectOption(g.getName() == null ? g.getId() : g.getName(), g.getId())));
    }
    return options;
  }

  /** 专家论证: each expert answers in task-local variables, so nobody sees or overwrites another's opinion. */
  @Bean
  TaskListener prepareExpertAnswer() {
    return task -> {
      EXPERT_CONCLUSION.setLocal(task, null);
      EXPERT_OPINION.setLocal(task, null);
      DISSENT_REASON.setLocal(task, null);
    };
  }

  /** Experts are picked by name; only namesakes are told apart by their account. */
  static List<SelectOption> expertOptions(List<User> experts) {
    Map<String, Long> names = experts.stream()
        .collect(Collectors.groupingBy(u -> u.getFirstName() + u.getLastName(), Collectors.counting()));
    return experts.stream().map(u -> {
      String name = u.getFirstName() + u.getLastName();
      return new SelectOption(names.get(name) > 1 ? name + "（" + u.getId() + "）" : name, u.getId());
    }).toList();
  }

  // --- complete: what a submission means for the rest of the process ---

  /** 确定评估方式 (Art. 9, 21): the undertaking unit does the evaluation tasks and may read its files. */
  @Bean
  TaskListener applyEvaluationMethod(ParticipantGrants grants) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      String unit = UNDERTAKING_UNIT.get(execution);
      EVALUATOR_GROUP.set(execution, unit);
      if (EVALUATION_SCOPE.get(execution) != EvaluationScope.PARTIAL) {
        DIMENSIONS_IN_SCOPE.set(execution, Arrays.stream(Dimension.values()).map(Dimension::name).toList());
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
      String agencyId = AGENCY_ID.get(task);
      Map<String, Object> input = agencies.eligibilityInput(agencyId, DECISION_NUMBER.get(task), EXECUTING_UNIT.get(task));
      AgencyEligibilityCheck.Result check = eligibility.evaluate(task.getProcessDefinitionId(), input);
      if (!check.eligible()) {
        String name = agencies.find(agencyId).map(a -> a.name()).orElse(agencyId);
        new FormRefusal().add(AGENCY_ID.name(), "所选机构“" + name + "”不符合受委托条件：" + check.reason() + "。请从名录中另选一家机构")
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
      String number = DECISION_NUMBER.get(task);
      String user = currentUser(identityService, task);
      for (FileValue upload : Uploads.in(task, materialFileSlots())) {
        files.addMaterial(pid, number, upload.getFilename(), Uploads.bytes(upload), user);
      }
      materialFileSlots().forEach(execution::removeVariable);
      MATERIALS.set(execution, files.materials(pid).stream()
          .map(f -> Material.of(f, directory.userName(f.uploadedBy()), materialUrl(pid, f.id()))).toList());
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
          d.score().set(execution, d.score().get(execution)); // a Long or Double submitted becomes the table's Integer
        } else {
          d.score().set(execution, null);
          d.findings().set(execution, null);
        }
      }
      SEVERE_ADVERSE_IMPACT.set(execution, Boolean.TRUE.equals(SEVERE_ADVERSE_IMPACT.get(execution)));
      LEGALITY_CONFLICT.set(execution, Boolean.TRUE.equals(LEGALITY_CONFLICT.get(execution)));
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
      List<String> experts = SELECTED_EXPERTS.get(task);
      EXPERT_USERS.set(task.getExecution(), experts);
      experts.forEach(expert -> grants.grantUser(task.getProcessInstanceId(), expert));
    };
  }

  /** 专家论证 (Art. 13(2), Decree 713 Art. 38): each opinion, dissent included, is added to the report's list. */
  @Bean
  TaskListener recordExpertOpinion(Directory directory, BeijingClock clock) {
    return task -> {
      String expert = task.getAssignee();
      List<ExpertOpinion> opinions = new ArrayList<>(EXPERT_OPINIONS.find(task).orElse(List.of()));
      ExpertConclusion conclusion = EXPERT_CONCLUSION.from(task.getVariablesLocal());
      opinions.add(new ExpertOpinion(expert, directory.userName(expert), conclusion == null ? null : conclusion.name(),
          conclusion == null ? "" : conclusion.label(), EXPERT_OPINION.from(task.getVariablesLocal()),
          DISSENT_REASON.from(task.getVariablesLocal()), clock.today()));
      EXPERT_OPINIONS.set(task.getExecution().getProcessInstance(), opinions);
    };
  }

  /** 决策机关审定 (Art. 16): the outcome's label for the forms, and who decided, for 记入审定决定 after this step. */
  @Bean
  TaskListener recordAuthorityDecision(IdentityService identityService) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      EVALUATION_OUTCOME_LABEL.set(execution, EvaluationCodes.label(EvaluationCodes.OUTCOMES, EVALUATION_OUTCOME.get(task)));
      REPORT_APPROVED_BY.set(execution, currentUser(identityService, task));
    };
  }

  private static String currentUser(IdentityService identityService, DelegateTask task) {
    return identityService.getCurrentAuthentication() == null ? task.getAssignee()
        : identityService.getCurrentAuthentication().getUserId();
  }
}
