package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.RequestVariables.*;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.RequestRecord.Handling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;

/** evaluation-request (Art. 8, 18): who may ask for which decision, the trigger's answer, and the hand-over. */
@Service
public class EvaluationRequests {

  /** A city's count of opinions; the bound keeps a JSON 1e20 from becoming −1 in an Integer variable. */
  static final int MAX_PUBLIC_OPINIONS = 10_000_000;

  /**
   * The requester of a request the system raises itself when the public's opinions reach the Art. 8(3) threshold
   * (participation). Shown as it is in the decision's requests; no person or unit stands behind it.
   */
  public static final String SYSTEM_REQUESTER = "系统（公众意见统计）";

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SystemCalls system;
  private final TrackedDecisions decisions;
  private final TrackingState state;

  public EvaluationRequests(RuntimeService runtimeService, RepositoryService repositoryService,
      IdentityService identityService, SystemCalls system, TrackedDecisions decisions, TrackingState state) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.system = system;
    this.decisions = decisions;
    this.state = state;
  }

  /**
   * Start (in the requester's transaction, so that a refusal is a 400 and leaves nothing): the number in any
   * spelling (it becomes the canonical one), the decision must be tracked, and an executing unit may only ask about
   * its own decisions.
   */
  public void start(DelegateExecution execution) {
    FormRefusal r = new FormRefusal();
    DecisionNumber number = null;
    try {
      number = DecisionNumber.parse(execution.getVariable(DECISION_NUMBER.name()));
    } catch (DecisionNumber.Invalid e) {
      r.add(DECISION_NUMBER.name(), e.getMessage());
    }
    String reason = REQUEST_REASON.get(execution);
    Object count = execution.getVariable(PUBLIC_OPINION_COUNT.name());
    Long opinions = FormValues.wholeNumber(count, 0, MAX_PUBLIC_OPINIONS);
    r.require(TrackingCodes.REQUEST_REASONS.containsKey(reason), REQUEST_REASON.name(), "请选择第八条或第十八条规定的申请事由")
        .require(!FormValues.isBlank(execution.getVariable(REQUEST_DESCRIPTION.name())), REQUEST_DESCRIPTION.name(), "请填写申请说明")
        .require(FormValues.isBlank(count) || opinions != null, PUBLIC_OPINION_COUNT.name(),
            "公众意见数量须为 0 至 " + MAX_PUBLIC_OPINIONS + " 之间的整数");
    ProcessInstance tracking = number == null ? null : trackingInstance(number.value());
    if (number != null && tracking == null) {
      r.add(DECISION_NUMBER.name(), "未找到文号为“" + number + "”的正在跟踪的重大行政决策，请核对文号或先登记决策");
    }
    String requester = REQUESTED_BY.get(execution);
    if (tracking != null && requester != null && !raisedBySystem(execution, requester, reason)) {
      String unit = FormValues.text(system.run(() -> runtimeService.getVariable(tracking.getId(), EXECUTING_UNIT.name())));
      List<String> groups = system.run(() -> identityService.createGroupQuery().groupMember(requester).list())
          .stream().map(Group::getId).toList();
      boolean coordinator = groups.contains(Groups.LEGAL_AFFAIRS) || groups.contains(Groups.DECISION_AUTHORITY)
          || groups.contains(Groups.CAMUNDA_ADMIN);
      r.require(coordinator || groups.contains(unit), DECISION_NUMBER.name(), "执行单位只能为本单位执行的决策申请评估（第八条第（四）项、第十八条）");
    }
    r.throwIfAny();
    execution.setProcessBusinessKey(number.value());
    DECISION_NUMBER.set(execution, number.value());
    // for Cockpit, beside the number (the request form asks only for the number): the title as registered
    DECISION_TITLE.set(execution, FormValues.text(system.run(() -> runtimeService.getVariable(tracking.getId(),
        DECISION_TITLE.name()))));
    PUBLIC_OPINION_COUNT.set(execution, opinions == null ? null : opinions.intValue());
    REQUEST_REASON_LABEL.set(execution, TrackingCodes.REQUEST_REASONS.get(reason));
  }

  /**
   * A request the system raised (no one is signed in, so the engine left the requester to the starter): a person's
   * request always has its signed-in user as {@code requestedBy}, and may not set that variable itself
   * ({@code FormSubmissionGuard}), so no person can pass for the system.
   */
  private static boolean raisedBySystem(DelegateExecution execution, String requester, String reason) {
    return SYSTEM_REQUESTER.equals(requester) && "PUBLIC_OPINIONS".equals(reason)
        && execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null;
  }

  /** After evaluationTrigger: accepted or not, the article, urgency, and the table's reason for a refusal. */
  public void decided(DelegateExecution execution) {
    Map<?, ?> trigger = Optional.ofNullable((Map<?, ?>) execution.getVariable(TRIGGER)).orElse(Map.of());
    boolean accepted = Boolean.TRUE.equals(trigger.get("accepted"));
    REQUEST_ACCEPTED.set(execution, accepted);
    LEGAL_BASIS.set(execution, FormValues.text(trigger.get("legalBasis")));
    URGENT.set(execution, Boolean.TRUE.equals(trigger.get("urgent")));
    execution.removeVariable(TRIGGER);
    if (!accepted) {
      REQUEST_REFUSAL_TEXT.set(execution, TrackingRules.refusalText(FormValues.text(trigger.get("refusalReason")),
          REQUEST_REASON.get(execution), PUBLIC_OPINION_COUNT.get(execution)));
    }
  }

  /**
   * Hands the accepted request to the decision's tracking, in its own job (after the requester's start returned):
   * it starts an evaluation, or is merged into the running one, as the catching event's {@code requestHandling}
   * property says; if tracking cannot take a message right now (e.g. a waiver is being decided), it is recorded.
   * A failure here becomes an incident on this request, with the message below.
   */
  public void deliver(DelegateExecution execution) {
    String number = DECISION_NUMBER.require(execution);
    EvaluationRequest request = request(execution.getVariables());
    Handling handling = system.run(() -> {
      ProcessInstance tracking = trackingInstance(number);
      if (tracking == null) {
        throw new IllegalStateException("评估申请已受理，但文号为“" + number + "”的决策已不在跟踪中，无法转交决策跟踪；"
            + "请核对该决策的跟踪状态，处理后重试本作业或撤销本申请");
      }
      Handling now = handling(tracking);
      if (now == Handling.RECORDED) {
        List<RequestRecord> requests = new ArrayList<>(Optional.ofNullable(REQUEST_HISTORY.from(
            runtimeService.getVariables(tracking.getId(), List.of(REQUEST_HISTORY.name())))).orElse(List.of()));
        requests.add(RequestRecord.of(request, state.today(), Handling.RECORDED));
        runtimeService.setVariable(tracking.getId(), REQUEST_HISTORY.name(), REQUEST_HISTORY.typed(requests));
        state.written(tracking.getId(), runtimeService.getVariables(tracking.getId(), RegisterEntry.VARIABLES));
        return now;
      }
      VariableMap message = Variables.createVariables();
      // A request merged into a running evaluation travels as one Json value, so that it cannot overwrite the
      // type and article of the evaluation in progress; otherwise it describes the evaluation about to start.
      if (now == Handling.MERGED) {
        MERGED_REQUEST.putInto(message, request);
      } else {
        REQUEST_REASON.putInto(message, request.requestReason());
        LEGAL_BASIS.putInto(message, request.legalBasis());
        URGENT.putInto(message, request.urgent());
        REQUEST_DESCRIPTION.putInto(message, request.requestDescription());
        REQUESTED_BY.putInto(message, request.requestedBy());
      }
      runtimeService.createMessageCorrelation(MESSAGE_EVALUATION_REQUESTED).processInstanceId(tracking.getId())
          .setVariables(message).correlate();
      return now;
    });
    REQUEST_HANDLING.set(execution, handling);
  }

  /**
   * What the events now waiting for EvaluationRequested would do with a request, read from their
   * {@code requestHandling} extension property (so that renaming an event in Modeler changes nothing).
   */
  private Handling handling(ProcessInstance tracking) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(tracking.getProcessDefinitionId());
    List<String> properties = new ArrayList<>();
    for (var subscription : runtimeService.createEventSubscriptionQuery().processInstanceId(tracking.getId())
        .eventType("message").eventName(MESSAGE_EVALUATION_REQUESTED).list()) {
      String property = ModelProperties.of(model.getModelElementById(subscription.getActivityId()), PROPERTY_REQUEST_HANDLING);
      if (!Handling.STARTED.name().equals(property) && !Handling.MERGED.name().equals(property)) {
        throw new IllegalStateException("流程模型中接收评估申请的事件“" + subscription.getActivityId() + "”缺少扩展属性 "
            + PROPERTY_REQUEST_HANDLING + "（STARTED 或 MERGED），无法判断如何处理评估申请");
      }
      properties.add(property);
    }
    return TrackingRules.handling(properties);
  }

  /** The running tracking of a number, found through its row in dr_decision (any spelling, legacy ones too). */
  private ProcessInstance trackingInstance(String number) {
    return decisions.find(number).filter(TrackedDecisions.Row::running)
        .map(row -> system.run(() -> runtimeService.createProcessInstanceQuery().processInstanceId(row.processInstanceId())
            .processDefinitionKey(ProcessKeys.DECISION_TRACKING).active().singleResult()))
        .orElse(null);
  }
}
