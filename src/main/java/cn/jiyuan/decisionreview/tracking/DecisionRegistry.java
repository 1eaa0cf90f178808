package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.DecisionDetail;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * The decision registry: every tracked decision with its status, next scheduled evaluation and past evaluations. A
 * page of the list is read from the register's rows alone ({@link RegistryPages}, the read model the processes
 * write through); one decision is read from its tracking instance's history. An executing unit sees only its own.
 */
@Service
public class DecisionRegistry {

  static final Set<String> SEE_ALL = Set.of(Groups.CAMUNDA_ADMIN, Groups.LEGAL_AFFAIRS, Groups.SUPERVISION_OFFICE,
      Groups.DECISION_AUTHORITY);

  private final HistoryService historyService;
  private final IdentityService identityService;
  private final SystemCalls system;
  private final TrackedDecisions decisions;
  private final RegistryPages pages;
  private final List<DecisionDetail> details;

  /** A page of decisions, in the shape of {@link #find}, and how many match in all. */
  public record Listing(long total, List<Map<String, Object>> decisions) {}

  public DecisionRegistry(HistoryService historyService, IdentityService identityService, SystemCalls system,
      TrackedDecisions decisions, RegistryPages pages, List<DecisionDetail> details) {
    this.details = details;
    this.decisions = decisions;
    this.pages = pages;
    this.historyService = historyService;
    this.identityService = identityService;
    this.system = system;
  }

  /** The page {@code query} asks for, of the decisions {@code user} may see (the filter is in the query). */
  public Listing list(CurrentUser user, RegistryQuery query) {
    boolean all = user.groupIds().stream().anyMatch(SEE_ALL::contains);
    RegistryPages.Page page = pages.page(query, all ? null : user.groupIds());
    Set<String> units = page.rows().stream().map(RegistryPages.Listed::executingUnit).filter(u -> u != null)
        .collect(Collectors.toSet());
    Map<String, String> unitNames = units.isEmpty() ? Map.of() : system.run(() -> identityService.createGroupQuery()
        .groupIdIn(units.toArray(String[]::new)).list().stream().filter(g -> g.getName() != null)
        .collect(Collectors.toMap(Group::getId, Group::getName)));
    return new Listing(page.total(), page.rows().stream().map(row -> decision(row, unitNames)).toList());
  }

  /** One decision from its register row, in the same shape as {@link #decision(HistoricProcessInstance, Map, Map)}. */
  static Map<String, Object> decision(RegistryPages.Listed row, Map<String, String> unitNames) {
    Map<String, Object> d = new LinkedHashMap<>();
    String unit = row.executingUnit();
    d.put("decisionNumber", row.decisionNumber());
    d.put("title", row.title());
    d.put("category", row.category());
    d.put("categoryLabel", row.category() == null ? null : TrackingCodes.CATEGORIES.get(row.category()));
    d.put("executingUnit", unit);
    d.put("executingUnitName", unit == null ? null : unitNames.getOrDefault(unit, unit));
    d.put("status", row.status());
    d.put("statusLabel", TrackingCodes.STATUSES.get(row.status()));
    d.put("implementationStart", row.implementationStart() == null ? null : row.implementationStart().toString());
    d.put("implementationEnd", row.implementationEnd() == null ? null : row.implementationEnd().toString());
    d.put("nextScheduledEvaluation", row.nextEvaluationDue() == null ? null
        : next(row.nextEvaluationType(), row.nextEvaluationDue().toString(), row.nextEvaluationBasis()));
    Map<String, Object> detail = RegisterEntry.detail(row.detail());
    d.put("scheduledEvaluations", detail.get("scheduledEvaluations"));
    d.put("pastEvaluations", detail.get("pastEvaluations"));
    d.put("requests", detail.get("requests"));
    d.put("lastExecutionEvaluationDate", detail.get("lastExecutionEvaluationDate"));
    d.put("trackingProcessInstanceId", row.processInstanceId());
    return d;
  }

  private static Map<String, Object> next(String type, String dueDate, String legalBasis) {
    Map<String, Object> next = new LinkedHashMap<>();
    next.put("evaluationType", type);
    next.put("dueDate", dueDate);
    next.put("legalBasis", legalBasis);
    return next;
  }

  /** The decision of a number in any spelling: the tracking instance its row in dr_decision names. */
  public Optional<Map<String, Object>> find(CurrentUser user, String decisionNumber) {
    return describe(decisionNumber).filter(d -> visible(user, d)).map(this::withDetails);
  }

  /** The parts other features own (the rectification items): only here, a page of the list stays one query. */
  private Map<String, Object> withDetails(Map<String, Object> decision) {
    Map<String, Object> d = new LinkedHashMap<>(decision);
    String tracking = (String) decision.get("trackingProcessInstanceId");
    details.forEach(detail -> d.put(detail.key(), detail.of(tracking)));
    return d;
  }

  /** Whether a number in any spelling is registered (visible to the caller or not). */
  public boolean exists(String decisionNumber) {
    return describe(decisionNumber).isPresent();
  }

  private Optional<Map<String, Object>> describe(String decisionNumber) {
    return decisions.find(decisionNumber).flatMap(row -> system.run(() -> describe(historyService
        .createHistoricProcessInstanceQuery().processInstanceId(row.processInstanceId()).list()).stream().findFirst()));
  }

  private static boolean visible(CurrentUser user, Map<String, Object> decision) {
    return user.groupIds().stream().anyMatch(SEE_ALL::contains) || user.groupIds().contains(decision.get("executingUnit"));
  }

  private List<Map<String, Object>> describe(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new)).list()) {
      vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
    }
    Map<String, String> unitNames = identityService.createGroupQuery().list().stream()
        .filter(g -> g.getName() != null).collect(Collectors.toMap(Group::getId, Group::getName));
    return instances.stream().map(pi -> decision(pi, vars.getOrDefault(pi.getId(), Map.of()), unitNames)).toList();
  }

  private static Map<String, Object> decision(HistoricProcessInstance pi, Map<String, Object> v, Map<String, String> unitNames) {
    Map<String, Object> d = new LinkedHashMap<>();
    String status = FormValues.text(v.get(TRACKING_STATUS.name()));
    if (status == null) {
      status = (pi.getEndTime() == null ? TrackingStatus.TRACKING : TrackingStatus.COMPLETED).name();
    }
    String unit = FormValues.text(v.get(EXECUTING_UNIT.name()));
    String category = FormValues.text(v.get(DECISION_CATEGORY.name()));
    // Trackings registered before numbers were normalised keep their spelling as business key.
    d.put("decisionNumber", Optional.ofNullable(DecisionNumber.normalise(pi.getBusinessKey())).orElse(pi.getBusinessKey()));
    d.put("title", FormValues.text(v.get(DECISION_TITLE.name())));
    d.put("category", category);
    d.put("categoryLabel", category == null ? null : TrackingCodes.CATEGORIES.get(category));
    d.put("executingUnit", unit);
    d.put("executingUnitName", unit == null ? null : unitNames.getOrDefault(unit, unit));
    d.put("status", status);
    d.put("statusLabel", TrackingCodes.STATUSES.get(status));
    d.put("implementationStart", FormValues.text(v.get(IMPLEMENTATION_START.name())));
    d.put("implementationEnd", FormValues.text(v.get(IMPLEMENTATION_END.name())));
    List<Map<String, Object>> schedule = FormValues.objectList(v.get(SCHEDULED_EVALUATIONS.name()));
    boolean ended = TrackingStatus.TERMINATED.name().equals(status) || TrackingStatus.COMPLETED.name().equals(status);
    List<ScheduledEvaluation> entries = Optional.ofNullable(SCHEDULED_EVALUATIONS.from(v)).orElse(List.of());
    d.put("nextScheduledEvaluation", ended ? null : EvaluationSchedule.nextPending(entries)
        .map(e -> next(e.evaluationType(), e.dueDate().toString(), e.legalBasis()))
        .orElse(null));
    d.put("scheduledEvaluations", schedule);
    d.put("pastEvaluations", FormValues.objectList(v.get(EVALUATION_HISTORY.name())));
    d.put("requests", FormValues.objectList(v.get(REQUEST_HISTORY.name())));
    d.put("lastExecutionEvaluationDate", FormValues.text(v.get(LAST_EXECUTION_EVALUATION_DATE.name())));
    d.put("trackingProcessInstanceId", pi.getId());
    return d;
  }
}
