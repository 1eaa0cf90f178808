package cn.jiyuan.decisionreview.rectification;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PREVIOUS_RECTIFICATIONS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PREVIOUS_RECTIFICATIONS_TEXT;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.RECOMMENDATION_DECISIONS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.RECOMMENDATION_ITEMS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.REPORT_APPROVED_BY;

import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.PreviousRectification;
import cn.jiyuan.decisionreview.evaluation.Recommendation;
import cn.jiyuan.decisionreview.evaluation.RecommendationDecision;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of follow-through (Art. 16, 17), one named bean each: three in post-evaluation (show the previous items
 * in 确定评估方式, prepare the authority's per-recommendation decisions, create the items when the approval is
 * recorded) and three in rectification (the form rules, the unit's report, the review).
 */
@Configuration
public class RectificationSteps {

  // --- post-evaluation ---

  /**
   * 确定评估方式 (create): the decision's previous evaluation's items with their status (Art. 16: the next
   * evaluation starts from them), for the form and later the report's 一、基本情况.
   */
  @Bean
  TaskListener showPreviousRectifications(RectificationService service) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      List<PreviousRectification> previous = service.previousOf(EvaluationVariables.DECISION_NUMBER.get(execution),
          execution.getProcessInstanceId());
      PREVIOUS_RECTIFICATIONS.set(execution, previous);
      PREVIOUS_RECTIFICATIONS_TEXT.set(execution, RectificationService.previousText(previous));
    };
  }

  /**
   * 决策机关审定 (create): one row per recommendation of the report as it now stands, for the authority's accept,
   * modify or reject; a report returned and revised gets fresh rows.
   */
  @Bean
  TaskListener prepareRecommendationDecisions(Directory directory) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      List<Recommendation> items = RECOMMENDATION_ITEMS.find(execution).orElse(List.of());
      List<RecommendationDecision> rows = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Recommendation r = items.get(i);
        rows.add(new RecommendationDecision(i + 1, r.text(), directory.groupName(r.responsibleUnit()),
            r.kindCode() == null ? "" : r.kindCode().label(), r.workingDays(), null, null));
      }
      RECOMMENDATION_DECISIONS.set(execution, rows);
    };
  }

  /**
   * 记入审定决定 (end): each recommendation becomes a row of dr_rectification_item, and each accepted one starts its
   * own 整改事项办理, in the job's transaction: a failure rolls both back and the retried job makes them once.
   */
  @Bean
  ExecutionListener createRectificationItems(RectificationService service, Directory directory,
      ParticipantGrants grants) {
    return execution -> {
      String pid = execution.getProcessInstanceId();
      HistoricProcessInstance evaluation = execution.getProcessEngineServices().getHistoryService()
          .createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
      String number = EvaluationVariables.DECISION_NUMBER.get(execution);
      var created = service.createFromApproval(new RectificationService.Approval(pid,
          evaluation == null ? null : evaluation.getSuperProcessInstanceId(), number,
          RECOMMENDATION_ITEMS.find(execution).orElse(List.of()),
          RECOMMENDATION_DECISIONS.find(execution).orElse(List.of()), REPORT_APPROVED_BY.get(execution)));
      for (RectificationService.Created c : created) {
        RectificationItem item = c.item();
        VariableMap vars = Variables.createVariables();
        RectificationVariables.ITEM_ID.putInto(vars, item.id());
        RectificationVariables.EVALUATION_INSTANCE_ID.putInto(vars, pid);
        RectificationVariables.DECISION_NUMBER.putInto(vars, number);
        RectificationVariables.DECISION_TITLE.putInto(vars, EvaluationVariables.DECISION_TITLE.get(execution));
        RectificationVariables.RESPONSIBLE_UNIT.putInto(vars, item.responsibleUnit());
        RectificationVariables.RESPONSIBLE_UNIT_NAME.putInto(vars, directory.groupName(item.responsibleUnit()));
        RectificationVariables.ITEM_NO.putInto(vars, item.seq());
        RectificationVariables.ITEM_TEXT.putInto(vars, item.text());
        RectificationVariables.KIND_LABEL.putInto(vars, item.kind().label());
        RectificationVariables.DEADLINE_WORKING_DAYS.putInto(vars, item.deadlineWorkingDays());
        RectificationVariables.DUE_AT.putInto(vars, RectificationService.iso(c.dueAt()));
        RectificationVariables.REMIND_AT.putInto(vars, RectificationService.iso(c.remindAt()));
        RectificationVariables.DUE_DATE_TEXT.putInto(vars, item.dueAt() == null ? null
            : item.dueAt().atZone(cn.jiyuan.decisionreview.shared.BeijingClock.ZONE).toLocalDate().toString());
        RectificationVariables.RETURN_COUNT.putInto(vars, 0);
        RectificationVariables.EVIDENCE_FILES.putInto(vars, List.of());
        String instance = execution.getProcessEngineServices().getRuntimeService()
            .startProcessInstanceByKey(ProcessKeys.RECTIFICATION, number, vars).getId();
        service.attachInstance(item.id(), instance);
        // The responsible unit reads its item's instance, so Tasklist's card shows the decision it belongs to.
        grants.grantGroup(instance, item.responsibleUnit());
      }
    };
  }

  // --- rectification ---

  /**
   * First complete listener of both rectification tasks: the form's rules, again on the server, with the evidence
   * files (each file's type, size and content; at least one for 已完成 and 部分完成, counting earlier rounds).
   */
  @Bean
  TaskListener rectificationFormRules(RectificationEvidence evidence) {
    return task -> {
      String key = task.getTaskDefinitionKey();
      boolean implement = RectificationRules.IMPLEMENT.equals(key);
      int files = implement ? evidence.count(RectificationVariables.ITEM_ID.require(task))
          + RectificationEvidence.submitted(task).size() : 0;
      FormRefusal refusal = RectificationRules.check(key, task::getVariable, files);
      if (implement) {
        RectificationEvidence.refuseBadFiles(task, refusal);
      }
      refusal.throwIfAny();
    };
  }

  /**
   * 落实整改事项 (complete): the unit's report and its evidence files, recorded as the authenticated user's; the
   * files leave the process variables for the evidence store, and both forms list the item's files from then on.
   */
  @Bean
  TaskListener recordRectificationReport(RectificationService service, RectificationEvidence evidence,
      IdentityService identityService) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      String itemId = RectificationVariables.ITEM_ID.require(task);
      UnitStatus status = RectificationVariables.UNIT_STATUS.require(task);
      String user = currentUser(identityService, task);
      RectificationVariables.UNIT_STATUS_LABEL.set(execution, status.label());
      if (status == UnitStatus.DONE) {
        RectificationVariables.UNIT_REASON.set(execution, null);
      }
      evidence.store(itemId, RectificationVariables.DECISION_NUMBER.get(task), RectificationEvidence.submitted(task),
          user);
      RectificationVariables.evidenceFileSlots().forEach(execution::removeVariable);
      RectificationVariables.EVIDENCE_FILES.set(execution, evidence.listing(itemId));
      service.reported(itemId, RectificationVariables.MEASURES.get(task), RectificationVariables.EVIDENCE.get(task),
          status, RectificationVariables.UNIT_REASON.get(task), user);
    };
  }

  /** 整改情况审核 (complete): accepted closes the item; returned counts the return and goes back to the unit. */
  @Bean
  TaskListener recordRectificationReview(RectificationService service, IdentityService identityService) {
    return task -> {
      ReviewOutcome outcome = RectificationVariables.REVIEW_OUTCOME.require(task);
      if (outcome == ReviewOutcome.RETURN) {
        RectificationVariables.RETURN_COUNT.set(task.getExecution(),
            RectificationVariables.RETURN_COUNT.find(task).orElse(0) + 1);
      }
      service.reviewed(RectificationVariables.ITEM_ID.require(task), outcome,
          RectificationVariables.REVIEW_REMARK.get(task), currentUser(identityService, task));
    };
  }

  private static String currentUser(IdentityService identityService, DelegateTask task) {
    return identityService.getCurrentAuthentication() == null ? task.getAssignee()
        : identityService.getCurrentAuthentication().getUserId();
  }
}
