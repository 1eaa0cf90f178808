package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.form.FormValues;
import cn.jiyuan.decisionreview.identity.Groups;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.security.SystemCalls;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;

/** evaluation-request (Art. 8, 18): who may ask for which decision, the trigger's answer, and the hand-over. */
@Service
public class EvaluationRequests {

  /** A city's count of opinions; the bound keeps a JSON 1e20 from becoming −1 in an Integer variable. */
  static final int MAX_PUBLIC_OPINIONS = 10_000_000;

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SystemCalls system;
  private final TrackedDecisions decisions;

  public EvaluationRequests(RuntimeService runtimeService, RepositoryService repositoryService,
      IdentityService identityService, SystemCalls system, TrackedDecisions decisions) {
    this.repositoryService = repositoryService;
    this.decisions = decisions;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.system = system;
  }

  /**
   * Start: the number in any spelling (it becomes the canonical one), the decision must be tracked, and an
   * executing unit may only ask about its own decisions.
   */
  public void start(DelegateExecution execution) {
    FormRefusal r = new FormRefusal();
    DecisionNumber number = null;
    try {
      number = DecisionNumber.parse(execution.getVariable(DECISION_NUMBER));
    } catch (DecisionNumber.Invalid e) {
      r.add(DECISION_NUMBER, e.getMessage());
    }
    String reason = FormValues.text(execution.getVariable(REQUEST_REASON));
    Object count = execution.getVariable(PUBLIC_OPINION_COUNT);
    Long opinions = FormValues.wholeNumber(count, 0, MAX_PUBLIC_OPINIONS);
    r.require(TrackingCodes.REQUEST_REASONS.containsKey(reason), REQUEST_REASON, "请选择第八条或第十八条规定的申请事由")
        .require(!FormValues.isBlank(execution.getVariable(REQUEST_DESCRIPTION)), REQUEST_DESCRIPTION, "请填写申请说明")
        .require(FormValues.isBlank(count) || opinions != null, PUBLIC_OPINION_COUNT,
            "公众意见数量须为 0 至 " + MAX_PUBLIC_OPINIONS + " 之间的整数");
    ProcessInstance tracking = number == null ? null : trackingInstance(number.value());
    if (number != null && tracking == null) {
      r.add(DECISION_NUMBER, "未找到文号为“" + number + "”的正在跟踪的重大行政决策，请核对文号或先登记决策");
    }
    String requester = FormValues.text(execution.getVariable(REQUESTED_BY));
    if (tracking != null && requester != null) {
      String unit = (String) system.run(() -> runtimeService.getVariable(tracking.getId(), EXECUTING_UNIT));
      List<String> groups = system.run(() -> identityService.createGroupQuery().groupMember(requester).list())
          .stream().map(Group::getId).toList();
      boolean coordinator = groups.contains(Groups.LEGAL_AFFAIRS) || groups.contains(Groups.DECISION_AUTHORITY)
          || groups.contains(Groups.CAMUNDA_ADMIN);
      r.require(coordinator || groups.contains(unit), DECISION_NUMBER, "执行单位只能为本单位执行的决策申请评估（第八条第（四）项、第十八条）");
    }
    r.throwIfAny();
    execution.setProcessBusinessKey(number.value());
    execution.setVariable(DECISION_NUMBER, number.value());
    execution.setVariable(PUBLIC_OPINION_COUNT, Variables.integerValue(opinions == null ? null : opinions.intValue()));
    execution.setVariable("requestReasonLabel", TrackingCodes.REQUEST_REASONS.get(reason));
  }

  /** After evaluationTrigger: accepted or not, the article, urgency, and the table's reason for a refusal. */
  public void decided(DelegateExecution execution) {
    Map<?, ?> trigger = (Map<?, ?>) execution.getVariable(TRIGGER);
    boolean accepted = trigger != null && Boolean.TRUE.equals(trigger.get("accepted"));
    execution.setVariable(REQUEST_ACCEPTED, accepted);
    execution.setVariable(LEGAL_BASIS, trigger == null ? null : trigger.get("legalBasis"));
    execution.setVariable(URGENT, trigger != null && Boolean.TRUE.equals(trigger.get("urgent")));
    execution.removeVariable(TRIGGER);
    if (!accepted) {
      execution.setVariable(REQUEST_REFUSAL_TEXT, refusalText(trigger == null ? null : FormValues.text(trigger.get("refusalReason")),
          FormValues.text(execution.getVariable(REQUEST_REASON)), FormValues.wholeNumber(execution.getVariable(PUBLIC_OPINION_COUNT))));
    }
  }

  /** The reason comes from evaluationTrigger, which alone holds the threshold; the count is what was submitted. */
  static String refusalText(String refusalReason, String requestReason, Long publicOpinionCount) {
    String reason = refusalReason == null || refusalReason.isBlank() ? "申请不符合第八条、第十八条规定的受理情形" : refusalReason;
    if ("PUBLIC_OPINIONS".equals(requestReason)) {
      return reason + "（本次申请填写的公众意见为 " + (publicOpinionCount == null ? 0 : publicOpinionCount) + " 条）。";
    }
    return reason + "。";
  }

  /**
   * Hands the accepted request to the decision's tracking, in its own job (after the requester's start returned):
   * it starts an evaluation, or is merged into the running one, as the catching event's {@code requestHandling}
   * property says; if tracking cannot take a message right now (e.g. a waiver is being decided), it is recorded.
   * A failure here becomes an incident on this request, with the message below.
   */
  public void deliver(DelegateExecution execution) {
    String number = FormValues.text(execution.getVariable(DECISION_NUMBER));
    Map<String, Object> message = new java.util.LinkedHashMap<>();
    for (String name : List.of(REQUEST_REASON, LEGAL_BASIS, URGENT, REQUEST_DESCRIPTION, REQUESTED_BY)) {
      message.put(name, execution.getVariable(name));
    }
    String handling = system.run(() -> {
      ProcessInstance tracking = trackingInstance(number);
      if (tracking == null) {
        throw new IllegalStateException("评估申请已受理，但文号为“" + number + "”的决策已不在跟踪中，无法转交决策跟踪；"
            + "请核对该决策的跟踪状态，处理后重试本作业或撤销本申请");
      }
      List<String> handlings = waitingHandlings(tracking);
      if (!handlings.isEmpty()) {
        boolean merged = handlings.contains("MERGED");
        var correlation = runtimeService.createMessageCorrelation(MESSAGE_EVALUATION_REQUESTED).processInstanceId(tracking.getId());
        // A request merged into a running evaluation travels as one Json value, so that it cannot overwrite the
        // type and article of the evaluation in progress; otherwise it describes the evaluation about to start.
        if (merged) {
          correlation.setVariable(MERGED_REQUEST, cn.jiyuan.decisionreview.evaluation.JsonVariables.json(message));
        } else {
          correlation.setVariables(message);
        }
        correlation.correlate();
        return merged ? "MERGED" : "STARTED";
      }
      List<Map<String, Object>> requests = new java.util.ArrayList<>(
          FormValues.objectList(runtimeService.getVariable(tracking.getId(), REQUEST_HISTORY)));
      Map<String, Object> recorded = new java.util.LinkedHashMap<>(message);
      recorded.put("date", TrackingService.today().toString());
      recorded.put("handling", "RECORDED");
      requests.add(recorded);
      runtimeService.setVariable(tracking.getId(), REQUEST_HISTORY,
          cn.jiyuan.decisionreview.evaluation.JsonVariables.json(requests));
      return "RECORDED";
    });
    execution.setVariable(REQUEST_HANDLING, handling);
  }

  /**
   * What the events now waiting for EvaluationRequested would do with it, read from their {@code requestHandling}
   * extension property (so that renaming an event in Modeler changes nothing).
   */
  private List<String> waitingHandlings(ProcessInstance tracking) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(tracking.getProcessDefinitionId());
    return runtimeService.createEventSubscriptionQuery().processInstanceId(tracking.getId()).eventType("message")
        .eventName(MESSAGE_EVALUATION_REQUESTED).list().stream()
        .map(sub -> {
          String handling = ModelProperties.of(model.getModelElementById(sub.getActivityId()), PROPERTY_REQUEST_HANDLING);
          if (!"STARTED".equals(handling) && !"MERGED".equals(handling)) {
            throw new IllegalStateException("流程模型中接收评估申请的事件“" + sub.getActivityId() + "”缺少扩展属性 "
                + PROPERTY_REQUEST_HANDLING + "（STARTED 或 MERGED），无法判断如何处理评估申请");
          }
          return handling;
        }).toList();
  }

  /** The running tracking of a number, found through its row in dr_decision (any spelling, legacy ones too). */
  private ProcessInstance trackingInstance(String number) {
    return decisions.find(number).filter(TrackedDecisions.Row::running)
        .map(row -> system.run(() -> runtimeService.createProcessInstanceQuery().processInstanceId(row.processInstanceId())
            .processDefinitionKey(ProcessKeys.DECISION_TRACKING).active().singleResult()))
        .orElse(null);
  }
}
