package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyEligibilityCheck;
import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore.StoredFile;
import cn.jiyuan.decisionreview.evaluation.files.FileRules;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.form.FormValues;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.identity.Groups;
import cn.jiyuan.decisionreview.notification.Notifications;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * Task complete listener of post-evaluation: refuses a submission that breaks a rule (the task stays
 * open), then applies what the submission means for the rest of the process.
 */
@Component("evaluationTaskCompletion")
public class EvaluationTaskCompletion implements TaskListener {

  private final EvaluationFormRules rules = new EvaluationFormRules();
  private final AgencyService agencies;
  private final AgencyEligibilityCheck eligibility;
  private final IdentityService identityService;
  private final EvaluationFileStore files;
  private final EvaluationReports reports;
  private final ParticipantGrants grants;
  private final Directory directory;
  private final Notifications notifications;

  public EvaluationTaskCompletion(AgencyService agencies, AgencyEligibilityCheck eligibility,
      IdentityService identityService, EvaluationFileStore files, EvaluationReports reports, ParticipantGrants grants,
      Directory directory, Notifications notifications) {
    this.eligibility = eligibility;
    this.grants = grants;
    this.directory = directory;
    this.notifications = notifications;
    this.agencies = agencies;
    this.identityService = identityService;
    this.files = files;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = TaskKeys.canonical(task.getTaskDefinitionKey());
    FormRefusal refusal = rules.check(key, task::getVariable, new EvaluationFormRules.Context() {
      @Override
      public boolean agencyExists(String agencyId) {
        return agencies.find(agencyId).isPresent();
      }

      @Override
      public boolean isExpert(String userId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.EXPERTS).count() > 0;
      }
    });
    List<FileValue> uploads = switch (key) {
      case TaskKeys.SUPPLY_MATERIALS -> uploads(task, materialFileSlots(), FileRules.MATERIAL_EXTENSIONS, refusal);
      case TaskKeys.REVIEW_DRAFT -> uploads(task, List.of(REVISED_REPORT), FileRules.REPORT_EXTENSIONS, refusal);
      default -> List.of();
    };
    if (key.equals(TaskKeys.SUPPLY_MATERIALS)) {
      refusal.require(!uploads.isEmpty(), MATERIAL_FILE_PREFIX + 1, "请至少上传一份实施情况材料（第五条）");
    }
    refusal.throwIfAny();

    DelegateExecution execution = task.getExecution();
    switch (key) {
      case TaskKeys.DETERMINE_METHOD -> {
        determineMethod(execution);
        grants.grantGroup(task.getProcessInstanceId(), FormValues.text(task.getVariable(UNDERTAKING_UNIT)));
      }
      case TaskKeys.SELECT_AGENCY -> selectAgency(task);
      case TaskKeys.SUPPLY_MATERIALS -> storeMaterials(task, uploads);
      case TaskKeys.ANALYSIS -> normaliseScores(execution);
      case TaskKeys.REVIEW_DRAFT -> {
        if (!uploads.isEmpty()) {
          reports.replaceWithRevision(execution, bytes(uploads.get(0)));
        }
      }
      case TaskKeys.SELECT_EXPERTS -> {
        List<String> experts = FormValues.stringList(task.getVariable(SELECTED_EXPERTS));
        execution.setVariable(EXPERT_USERS, JsonVariables.list(experts));
        experts.forEach(expert -> grants.grantUser(task.getProcessInstanceId(), expert));
      }
      case TaskKeys.EXPERT_OPINION -> recordExpertOpinion(task);
      case TaskKeys.AUTHORITY_APPROVAL -> {
        execution.setVariable(EVALUATION_OUTCOME_LABEL,
            EvaluationCodes.label(EvaluationCodes.OUTCOMES, task.getVariable(EVALUATION_OUTCOME)));
        // who approved, for the approval page that 记入审定决定 writes after this transaction
        execution.setVariable(REPORT_APPROVED_BY, identityService.getCurrentAuthentication() == null ? task.getAssignee()
            : identityService.getCurrentAuthentication().getUserId());
      }
      default -> { }
    }
  }

  /**
   * An ineligible agency is refused here, while the task is still open (same task, same due date), with the
   * reason of the deployed table. The rule task after this one evaluates the same table again, which records the
   * check in the history, and its loop back stays only as a safety net.
   */
  private void selectAgency(DelegateTask task) {
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
  }

  private static void determineMethod(DelegateExecution execution) {
    execution.setVariable(EVALUATOR_GROUP, FormValues.text(execution.getVariable(UNDERTAKING_UNIT)));
    if (!"PARTIAL".equals(FormValues.text(execution.getVariable(EVALUATION_SCOPE)))) {
      execution.setVariable(DIMENSIONS_IN_SCOPE, JsonVariables.json(List.of(
          java.util.Arrays.stream(Dimension.values()).map(Dimension::name).toArray())));
    }
  }

  private static List<FileValue> uploads(DelegateTask task, List<String> slots, java.util.Set<String> allowed,
      FormRefusal refusal) {
    List<FileValue> found = new ArrayList<>();
    for (String slot : slots) {
      if (task.getVariableTyped(slot) instanceof FileValue file && file.getValue() != null) {
        byte[] content = bytes(file);
        String problem = FileRules.problem(file.getFilename(), content, allowed);
        if (problem != null) {
          refusal.add(slot, problem);
        } else {
          found.add(file);
        }
      }
    }
    return found;
  }

  private void storeMaterials(DelegateTask task, List<FileValue> uploads) {
    DelegateExecution execution = task.getExecution();
    String pid = task.getProcessInstanceId();
    String number = FormValues.text(task.getVariable(DECISION_NUMBER));
    String user = identityService.getCurrentAuthentication() == null ? task.getAssignee()
        : identityService.getCurrentAuthentication().getUserId();
    for (FileValue upload : uploads) {
      files.addMaterial(pid, number, upload.getFilename(), bytes(upload), user);
    }
    for (String slot : materialFileSlots()) {
      execution.removeVariable(slot);
    }
    List<StoredFile> stored = files.materials(pid);
    execution.setVariable(MATERIALS, JsonVariables.json(stored.stream().map(f -> {
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
  }

  public static String materialUrl(String processInstanceId, String materialId) {
    return "/api/evaluations/" + processInstanceId + "/materials/" + materialId;
  }

  /** Out-of-scope dimensions get explicit nulls, so the grade table weighs only what is in scope (Art. 9). */
  private static void normaliseScores(DelegateExecution execution) {
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
  }

  private void recordExpertOpinion(DelegateTask task) {
    String expert = task.getAssignee();
    List<Map<String, Object>> opinions = new ArrayList<>(FormValues.objectList(task.getVariable(EXPERT_OPINIONS)));
    Map<String, Object> opinion = new LinkedHashMap<>();
    opinion.put("expert", expert);
    opinion.put("expertName", directory.userName(expert));
    opinion.put("conclusion", FormValues.text(task.getVariableLocal(EXPERT_CONCLUSION)));
    opinion.put("conclusionLabel", EvaluationCodes.label(EvaluationCodes.EXPERT_CONCLUSIONS, opinion.get("conclusion")));
    opinion.put("opinion", FormValues.text(task.getVariableLocal(EXPERT_OPINION)));
    opinion.put("dissentReason", FormValues.text(task.getVariableLocal(DISSENT_REASON)));
    opinion.put("date", LocalDate.now(EvaluationStartListener.CHINA).toString());
    opinions.add(opinion);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(EXPERT_OPINIONS, JsonVariables.json(opinions));
  }

  static byte[] bytes(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
