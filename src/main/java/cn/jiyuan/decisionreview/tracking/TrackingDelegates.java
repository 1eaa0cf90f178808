package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ParticipantGrants;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.RequestRecord.Handling;
import cn.jiyuan.decisionreview.tracking.ScheduledEvaluation.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of decision-tracking, one bean each, named as the BPMN's {@code delegateExpression} names them. Each
 * reads its variables, asks {@link TrackingRules} or {@link EvaluationSchedule}, and writes the answer; the
 * decisions themselves are in those pure classes.
 */
@Configuration
public class TrackingDelegates {

  /**
   * 登记重大行政决策 (start listener): refuses bad input (no instance is left), claims the number in dr_decision in this
   * same transaction, sets the business key to the canonical number, and the term.
   */
  @Bean
  ExecutionListener trackingRegistration(IdentityService identityService, RuntimeService runtimeService,
      SystemCalls system, ParticipantGrants grants, TrackedDecisions decisions) {
    return execution -> {
      RegistrationRules.check(execution::getVariable, unit -> Groups.isExecutingUnit(unit)
          && system.run(() -> identityService.createGroupQuery().groupId(unit).count() > 0)).throwIfAny();
      String pid = execution.getProcessInstanceId();
      DecisionNumber number = DecisionNumber.parse(execution.getVariable(DECISION_NUMBER.name()));
      String unit = EXECUTING_UNIT.get(execution);
      LocalDate start = IMPLEMENTATION_START.get(execution);
      LocalDate end = IMPLEMENTATION_END.get(execution);
      decisions.claim(number, pid, DECISION_TITLE.get(execution), DECISION_CATEGORY.get(execution), unit,
          id -> system.run(() -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0));
      execution.setProcessBusinessKey(number.value());
      // The executing unit follows its own decision in Tasklist (its progress report, the registry).
      grants.grantGroupOnNewInstance(pid, unit);
      // The submitted values in their canonical form, each written only where it differs from what was submitted:
      // every write of a variable costs a history detail and an update, and most arrive canonical already.
      DECISION_NUMBER.setIfChanged(execution, number.value());
      DECISION_TITLE.setIfChanged(execution, DECISION_TITLE.get(execution)); // stored trimmed, as the register has it
      IMPLEMENTATION_START.setIfChanged(execution, start);
      IMPLEMENTATION_END.setIfChanged(execution, end);
      for (var checkbox : List.of(BROAD_IMPACT, SUPERIOR_MANDATED, ASSISTING_SUPERIOR)) {
        checkbox.setIfChanged(execution, Boolean.TRUE.equals(checkbox.get(execution)));
      }
      TERM_MONTHS.setIfChanged(execution, EvaluationSchedule.termMonths(start, end)); // none when open-ended
      TRACKING_STATUS.set(execution, TrackingStatus.TRACKING);
      // scheduleRevised is not written here: the BPMN's 评估安排已调整 reads a missing one as not revised.
      // No empty evaluationHistory / requestHistory: a missing list is an empty one to every reader (TrackingState,
      // RegisterEntry, the registry, the assessment); the first entry creates it. The register row is written by the
      // schedule step right after, in this same transaction (the claim above inserted its first columns).
    };
  }

  /** After the evaluationSchedule table (Art. 19): the schedule, and the first timer. */
  @Bean
  ExecutionListener trackingSchedule(TrackingState state) {
    return execution -> {
      DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(SCHEDULE_RESULT);
      List<Map<String, Object>> rows = result == null ? List.of() : result.getResultList();
      List<ScheduledEvaluation> entries = EvaluationSchedule.entries(IMPLEMENTATION_START.require(execution), rows);
      HAS_MID_TERM.setTransient(execution, EvaluationSchedule.hasMidTerm(entries));
      state.saveSchedule(execution, entries);
    };
  }

  /** The scheduled evaluation's timer fired (Art. 19): it describes the evaluation about to start. */
  @Bean
  ExecutionListener scheduledEvaluationDue() {
    return execution -> {
      String type = NEXT_SCHEDULED_TYPE.require(execution);
      EVALUATION_TYPE.set(execution, type);
      LEGAL_BASIS.set(execution, EvaluationSchedule.legalBasis(type));
      URGENT.set(execution, false);
      REQUEST_REASON.set(execution, null);
      NEW_CIRCUMSTANCES.set(execution, false);
    };
  }

  /** An accepted request arrived while tracking waited (Art. 8, 18): it describes the evaluation about to start. */
  @Bean
  ExecutionListener evaluationRequested(TrackingState state) {
    return execution -> {
      String reason = REQUEST_REASON.get(execution);
      EVALUATION_TYPE.set(execution, TrackingRules.evaluationTypeOfRequest(reason));
      URGENT.set(execution, Boolean.TRUE.equals(URGENT.get(execution)));
      NEW_CIRCUMSTANCES.set(execution, TrackingRules.isNewCircumstance(reason));
      state.appendRequest(execution, RequestRecord.of(request(execution.getVariables()), state.today(), Handling.STARTED));
    };
  }

  /** Inputs of evaluationExemption (Art. 20), dates from the one clock. */
  @Bean
  ExecutionListener exemptionInputs(TrackingState state) {
    return execution -> {
      MONTHS_SINCE_LAST_EXECUTION_EVALUATION.set(execution, TrackingRules.monthsSinceLastExecutionEvaluation(
          LAST_EXECUTION_EVALUATION_DATE.get(execution), state.today()));
      SUPERIOR_ORGANIZES.set(execution, Boolean.TRUE.equals(SUPERIOR_MANDATED.get(execution)));
    };
  }

  /** 登记免评: the waiver confirmed by legal-affairs is recorded; a scheduled evaluation counts as settled. */
  @Bean
  JavaDelegate waiverRecord(TrackingState state) {
    return execution -> {
      String type = EVALUATION_TYPE.require(execution);
      EvaluationRecord waived = EvaluationRecord.waived(type, LEGAL_BASIS.get(execution), state.startedDate(execution),
          state.today(), WAIVER_BASIS.get(execution), WAIVER_REASON.get(execution));
      state.change(execution, c -> c.history(waived)
          .schedule(EvaluationSchedule.settle(state.schedule(execution), type, Status.WAIVED))
          .status(TrackingStatus.TRACKING));
    };
  }

  /**
   * Before the call to post-evaluation: status and start date; a scheduled evaluation under way is no longer "next"
   * in the registry. The status change also ends a waiting progress report (the BPMN's 中期评估已启动 event).
   */
  @Bean
  ExecutionListener evaluationStarting(TrackingState state) {
    return execution -> {
      EVALUATION_STARTED_DATE.set(execution, state.today());
      List<ScheduledEvaluation> before = state.schedule(execution);
      List<ScheduledEvaluation> after = EvaluationSchedule.settle(before, EVALUATION_TYPE.require(execution), Status.IN_PROGRESS);
      state.change(execution, c -> {
        if (!after.equals(before)) {
          c.schedule(after);
        }
        c.status(TrackingStatus.EVALUATING);
      });
    };
  }

  /** 登记评估结果: history, last execution evaluation (Art. 20), the schedule, and the status the outcome means. */
  @Bean
  JavaDelegate evaluationResult(TrackingState state) {
    return execution -> {
      String type = EVALUATION_TYPE.require(execution);
      String outcome = EVALUATION_OUTCOME.get(execution);
      LocalDate completed = EVALUATION_COMPLETED_DATE.find(execution).orElse(state.today());
      EvaluationRecord evaluated = EvaluationRecord.evaluated(type, LEGAL_BASIS.get(execution),
          state.startedDate(execution), completed, EVALUATION_GRADE.get(execution), outcome);
      if (TrackingRules.countsAsExecutionEvaluation(type)) {
        LAST_EXECUTION_EVALUATION_DATE.set(execution, completed);
      }
      // history, schedule and status change together: the register row is written once, after all three
      state.change(execution, c -> c.history(evaluated)
          .schedule(EvaluationSchedule.settle(state.schedule(execution), type, Status.DONE))
          .status(TrackingRules.statusAfter(outcome, type)));
    };
  }

  /** 恢复执行: the authority lifted the suspension (Art. 16). */
  @Bean
  ExecutionListener trackingResumed(TrackingState state) {
    return execution -> state.status(execution, TrackingStatus.TRACKING);
  }

  /**
   * A request that arrives while an evaluation runs (or tracking is suspended) is recorded against it, not started
   * twice; an Art. 18 risk marks the running evaluation for the authority's attention.
   */
  @Bean
  JavaDelegate requestMerge(TrackingState state, RuntimeService runtimeService) {
    return execution -> {
      EvaluationRequest merged = MERGED_REQUEST.require(execution);
      state.appendRequest(execution, RequestRecord.of(merged, state.today(), Handling.MERGED));
      if (TrackingRules.needsAuthorityAttention(merged)) {
        for (ProcessInstance sub : runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId()).list()) {
          runtimeService.setVariable(sub.getId(), AUTHORITY_ATTENTION.name(), AUTHORITY_ATTENTION.typed(true));
          runtimeService.setVariable(sub.getId(), AUTHORITY_ATTENTION_TEXT.name(),
              AUTHORITY_ATTENTION_TEXT.typed(TrackingRules.authorityAttentionText(merged)));
        }
      }
    };
  }

  /**
   * 进度过半 (Art. 19 ¶2): the mid-term evaluation moves to today. The BPMN's 评估安排已调整 event then enters the
   * wait again, so the timer takes the new date from {@code nextScheduledDue}.
   */
  @Bean
  JavaDelegate halfProgress(TrackingState state) {
    return execution -> {
      List<ScheduledEvaluation> before = state.schedule(execution);
      List<ScheduledEvaluation> after = EvaluationSchedule.bringMidTermForward(before, state.today());
      if (!after.equals(before)) {
        state.saveSchedule(execution, after);
        SCHEDULE_REVISED.set(execution, true);
      }
    };
  }

  @Bean
  ExecutionListener requestStart(EvaluationRequests requests) {
    return requests::start;
  }

  @Bean
  ExecutionListener requestDecided(EvaluationRequests requests) {
    return requests::decided;
  }

  @Bean
  JavaDelegate requestDelivery(EvaluationRequests requests) {
    return requests::deliver;
  }
}
