package cn.jiyuan.decisionreview.supervision;

import cn.jiyuan.decisionreview.deadline.EscalationLog;
import cn.jiyuan.decisionreview.deadline.EscalationLog.Escalation;
import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.rectification.RectificationCounts;
import cn.jiyuan.decisionreview.rectification.RectificationService;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.ProcessPhases;
import cn.jiyuan.decisionreview.shared.ProcessPhases.Phase;
import cn.jiyuan.decisionreview.shared.RuntimeQueries;
import cn.jiyuan.decisionreview.shared.RuntimeQueries.Candidate;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.TrackedDecisions;
import cn.jiyuan.decisionreview.tracking.TrackingCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The 督办 board: every registered decision with its tracking status, its running evaluation (type, procedure,
 * phase) and the open tasks of both, each with who holds it, its due date, the working days it is late and its
 * escalations (dr_escalation). Built from a fixed number of queries whatever the number of decisions: the register,
 * the running evaluations, their few variables by name, all open tasks of the two processes, their candidates, the
 * evaluations' current activities, the names, the escalations. Callers check who may read it.
 */
@Service
public class SupervisionBoard {

  /** The evaluation variables the board shows, read by name for all running evaluations at once. */
  static final List<String> EVALUATION_VARIABLES = List.of(EvaluationVariables.EVALUATION_TYPE.name(),
      EvaluationVariables.LEGAL_BASIS.name(), EvaluationVariables.PROCEDURE_TYPE.name(),
      EvaluationVariables.EVALUATOR_TYPE.name(), EvaluationVariables.AGENCY_NAME.name(),
      EvaluationVariables.EVALUATION_STARTED_DATE.name());

  /** {@code rectificationsByUnit}: the rectification items per responsible unit (Art. 16, 17, 26). */
  public record Board(String today, List<DecisionRow> decisions,
      List<RectificationService.UnitRectifications> rectificationsByUnit) {}

  public record DecisionRow(String decisionNumber, String title, String executingUnit, String executingUnitName,
      String status, String statusLabel, String trackingProcessInstanceId, EvaluationRow evaluation,
      List<TaskRow> tasks, int overdueTaskCount, int maxWorkingDaysOverdue, int escalationCount,
      RectificationCounts rectifications) {}

  public record EvaluationRow(String processInstanceId, String evaluationType, String evaluationTypeLabel,
      String legalBasis, String procedure, String procedureLabel, String evaluatorType, String evaluatorTypeLabel,
      String agencyName, String startedDate, String phase, String phaseLabel, boolean suspended) {}

  public record TaskRow(String taskId, String name, String taskDefinitionKey, String processInstanceId, String phase,
      String phaseLabel, String assignee, String assigneeName, List<String> candidateGroups, String holder,
      String created, String dueDate, boolean overdue, int workingDaysOverdue, int escalationCount,
      Integer escalationLevel, String lastEscalatedAt) {}

  private final TrackedDecisions register;
  private final RuntimeService runtime;
  private final TaskService taskService;
  private final IdentityService identity;
  private final RuntimeQueries queries;
  private final EscalationLog escalations;
  private final WorkingDayCalendar calendar;
  private final ProcessPhases phases;
  private final SystemCalls system;
  private final BeijingClock clock;
  private final RectificationService rectifications;

  public SupervisionBoard(TrackedDecisions register, RuntimeService runtime, TaskService taskService,
      IdentityService identity, RuntimeQueries queries, EscalationLog escalations, WorkingDayCalendar calendar,
      ProcessPhases phases, SystemCalls system, BeijingClock clock, RectificationService rectifications) {
    this.rectifications = rectifications;
    this.register = register;
    this.runtime = runtime;
    this.taskService = taskService;
    this.identity = identity;
    this.queries = queries;
    this.escalations = escalations;
    this.calendar = calendar;
    this.phases = phases;
    this.system = system;
    this.clock = clock;
  }

  public Board board() {
    return system.run(this::build);
  }

  private Board build() {
    Instant now = clock.instant();
    LocalDate today = clock.today();
    List<TrackedDecisions.Row> decisions = register.all();
    Set<String> trackings = decisions.stream().map(TrackedDecisions.Row::processInstanceId).collect(Collectors.toSet());
    Map<String, String> trackingByNumber = new HashMap<>();
    decisions.forEach(d -> trackingByNumber.put(d.decisionNumber(), d.processInstanceId()));

    // the running evaluations, each under the tracking that called it (its root), else under its decision number
    Map<String, ProcessInstance> evaluationByTracking = new HashMap<>();
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.POST_EVALUATION)
        .list()) {
      String tracking = trackings.contains(pi.getRootProcessInstanceId()) ? pi.getRootProcessInstanceId()
          : trackingByNumber.get(pi.getBusinessKey());
      if (tracking != null) {
        evaluationByTracking.merge(tracking, pi, (a, b) -> a.getId().compareTo(b.getId()) >= 0 ? a : b);
      }
    }
    Set<String> evaluationIds = evaluationByTracking.values().stream().map(ProcessInstance::getId)
        .collect(Collectors.toSet());
    Map<String, Map<String, Object>> variables = evaluationVariables(evaluationIds);
    Map<String, List<String>> activities = queries.currentActivities(evaluationIds);

    // the rectification items' work (Art. 16, 17), each under its decision's tracking by the business key
    Map<String, String> trackingByRectification = new HashMap<>();
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.RECTIFICATION)
        .list()) {
      String tracking = trackingByNumber.get(pi.getBusinessKey());
      if (tracking != null) {
        trackingByRectification.put(pi.getId(), tracking);
      }
    }
    Map<String, List<Task>> tasksByInstance = new HashMap<>();
    for (Task task : taskService.createTaskQuery()
        .processDefinitionKeyIn(ProcessKeys.POST_EVALUATION, ProcessKeys.DECISION_TRACKING, ProcessKeys.RECTIFICATION)
        .list()) {
      String instance = trackingByRectification.getOrDefault(task.getProcessInstanceId(), task.getProcessInstanceId());
      if (trackings.contains(instance) || evaluationIds.contains(instance)) {
        tasksByInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(task);
      }
    }
    Map<String, RectificationCounts> rectificationCounts = rectifications.countsPerDecision(
        trackingByNumber.keySet(), now);
    List<String> taskIds = tasksByInstance.values().stream().flatMap(List::stream).map(Task::getId).toList();
    Map<String, List<Candidate>> candidates = queries.candidates(taskIds);
    Map<String, List<Escalation>> escalated = escalations.forTasks(taskIds).stream()
        .collect(Collectors.groupingBy(Escalation::taskId));
    Names names = names(tasksByInstance.values().stream().flatMap(List::stream).map(Task::getAssignee)
        .filter(Objects::nonNull).collect(Collectors.toSet()), candidates);

    List<DecisionRow> rows = new ArrayList<>();
    for (TrackedDecisions.Row d : decisions) {
      ProcessInstance evaluation = evaluationByTracking.get(d.processInstanceId());
      List<Task> tasks = new ArrayList<>(tasksByInstance.getOrDefault(d.processInstanceId(), List.of()));
      if (evaluation != null) {
        tasks.addAll(tasksByInstance.getOrDefault(evaluation.getId(), List.of()));
      }
      tasks.sort(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId));
      List<TaskRow> taskRows = tasks.stream().map(t -> taskRow(t, candidates.getOrDefault(t.getId(), List.of()),
          escalated.getOrDefault(t.getId(), List.of()), names, now, today)).toList();
      EvaluationRow evaluationRow = evaluation == null ? null : evaluationRow(evaluation,
          variables.getOrDefault(evaluation.getId(), Map.of()), activities.getOrDefault(evaluation.getId(), List.of()),
          tasksByInstance.getOrDefault(evaluation.getId(), List.of()));
      rows.add(new DecisionRow(d.decisionNumber(), d.title(), d.executingUnit(), names.group(d.executingUnit()),
          d.status(), TrackingCodes.STATUSES.get(d.status()), d.processInstanceId(), evaluationRow, taskRows,
          (int) taskRows.stream().filter(TaskRow::overdue).count(),
          taskRows.stream().mapToInt(TaskRow::workingDaysOverdue).max().orElse(0),
          taskRows.stream().mapToInt(TaskRow::escalationCount).sum(),
          rectificationCounts.getOrDefault(d.decisionNumber(), RectificationCounts.NONE)));
    }
    return new Board(today.toString(), rows, rectifications.units(now));
  }

  private Map<String, Map<String, Object>> evaluationVariables(Set<String> evaluationIds) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (List<String> chunk : RuntimeQueries.chunks(evaluationIds)) {
      for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(chunk.toArray(String[]::new))
          .variableNameIn(EVALUATION_VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
        // the instance's own variables, not a task's local one of the same name
        if (v.getProcessInstanceId().equals(v.getExecutionId())) {
          variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
      }
    }
    return variables;
  }

  private EvaluationRow evaluationRow(ProcessInstance pi, Map<String, Object> v, List<String> activityIds,
      List<Task> tasks) {
    List<String> where = new ArrayList<>(activityIds);
    tasks.forEach(t -> where.add(t.getTaskDefinitionKey()));
    Phase phase = phases.furthest(pi.getProcessDefinitionId(), where);
    String type = EvaluationVariables.EVALUATION_TYPE.from(v);
    Procedure procedure = EvaluationVariables.PROCEDURE_TYPE.from(v);
    EvaluatorType evaluator = EvaluationVariables.EVALUATOR_TYPE.from(v);
    LocalDate started = EvaluationVariables.EVALUATION_STARTED_DATE.from(v);
    return new EvaluationRow(pi.getId(), type, type == null ? null : EvaluationCodes.label(EvaluationCodes.EVALUATION_TYPES,
        type), EvaluationVariables.LEGAL_BASIS.from(v), procedure == null ? null : procedure.name(),
        procedure == null ? null : procedure.label(), evaluator == null ? null : evaluator.name(),
        evaluator == null ? null : evaluator.label(), EvaluationVariables.AGENCY_NAME.from(v),
        started == null ? null : started.toString(), phase == null ? null : phase.code(),
        phase == null ? null : phase.label(), pi.isSuspended());
  }

  private TaskRow taskRow(Task task, List<Candidate> candidates, List<Escalation> escalations, Names names,
      Instant now, LocalDate today) {
    Phase phase = phases.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    List<String> groups = candidates.stream().map(Candidate::groupId).filter(Objects::nonNull).toList();
    List<String> users = candidates.stream().map(Candidate::userId).filter(Objects::nonNull).toList();
    LocalDate due = task.getDueDate() == null ? null : day(task.getDueDate());
    boolean overdue = task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now);
    Escalation last = escalations.isEmpty() ? null : escalations.get(escalations.size() - 1);
    return new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
        phase == null ? null : phase.code(), phase == null ? null : phase.label(), task.getAssignee(),
        task.getAssignee() == null ? null : names.user(task.getAssignee()), groups,
        holder(task.getAssignee(), groups, users, names),
        day(task.getCreateTime()).toString(), due == null ? null : due.toString(),
        overdue, overdue ? calendar.workingDaysBetween(due, today) : 0, escalations.size(),
        escalations.stream().map(Escalation::level).max(Integer::compare).orElse(null),
        last == null ? null : OffsetDateTime.ofInstant(last.escalatedAt(), BeijingClock.ZONE).toString());
  }

  private static LocalDate day(java.util.Date date) {
    return date.toInstant().atZone(BeijingClock.ZONE).toLocalDate();
  }

  /** Who holds a task as a supervisor reads it: the assignee by name, else the candidate units, else the users. */
  static String holder(String assignee, List<String> groups, List<String> users, Names names) {
    if (assignee != null) {
      return names.user(assignee);
    }
    if (!groups.isEmpty()) {
      return groups.stream().map(names::group).collect(Collectors.joining("、"));
    }
    if (!users.isEmpty()) {
      return users.stream().map(names::user).collect(Collectors.joining("、"));
    }
    return "未分配";
  }

  private Names names(Set<String> assignees, Map<String, List<Candidate>> candidates) {
    Set<String> userIds = new HashSet<>(assignees);
    candidates.values().forEach(l -> l.stream().map(Candidate::userId).filter(Objects::nonNull).forEach(userIds::add));
    Map<String, String> users = new HashMap<>();
    for (List<String> chunk : RuntimeQueries.chunks(userIds)) {
      for (User u : identity.createUserQuery().userIdIn(chunk.toArray(String[]::new)).list()) {
        users.put(u.getId(), Objects.toString(u.getFirstName(), "") + Objects.toString(u.getLastName(), ""));
      }
    }
    Map<String, String> groups = new HashMap<>();
    for (Group g : identity.createGroupQuery().list()) {
      if (g.getName() != null) {
        groups.put(g.getId(), g.getName());
      }
    }
    return new Names(users, groups);
  }

  /** Display names: family name first, as Directory writes them; an unknown id stands for itself. */
  record Names(Map<String, String> users, Map<String, String> groups) {

    String user(String id) {
      return id == null ? null : users.getOrDefault(id, id);
    }

    String group(String id) {
      return id == null ? null : groups.getOrDefault(id, id);
    }
  }
}
