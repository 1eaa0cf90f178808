package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Decision;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Evaluation;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.TaskFact;
import cn.jiyuan.decisionreview.assessment.AssessmentFacts.Waiver;
import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.EvaluationRecord;
import cn.jiyuan.decisionreview.tracking.ScheduledEvaluation;
import cn.jiyuan.decisionreview.tracking.TrackedDecisions;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * Reads the facts of the annual assessment in a fixed number of batched queries, whatever the number of decisions:
 * the register ({@code dr_decision}), the trackings and their schedule and waivers, the evaluations and their
 * variables, the tasks with a due date and their candidate groups (engine history, level full), the unit names.
 */
@Service
public class AssessmentSource {

  private static final List<ProcessVariable<?>> EVALUATION_VARIABLES = List.of(EvaluationVariables.DECISION_NUMBER,
      EvaluationVariables.EVALUATION_TYPE, EvaluationVariables.EVALUATION_STARTED_DATE,
      EvaluationVariables.EVALUATION_COMPLETED_DATE, EvaluationVariables.EVALUATION_GRADE,
      EvaluationVariables.EVALUATION_OUTCOME, EvaluationVariables.CONSULTATIONS, EvaluationVariables.SURVEY_ID);
  private static final String ONLINE_SURVEY = "ONLINE_SURVEY";

  private final TrackedDecisions register;
  private final HistoryService history;
  private final IdentityService identity;
  private final SystemCalls system;

  public AssessmentSource(TrackedDecisions register, HistoryService history, IdentityService identity,
      SystemCalls system) {
    this.register = register;
    this.history = history;
    this.identity = identity;
    this.system = system;
  }

  /** The facts that can matter for {@code year}: everything that started before its end. */
  public AssessmentFacts read(int year) {
    Date yearEnd = Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(BeijingClock.ZONE).toInstant());
    return system.run(() -> new AssessmentFacts(decisions(), evaluations(yearEnd), tasks(yearEnd), unitNames()));
  }

  private List<Decision> decisions() {
    List<TrackedDecisions.Row> rows = register.all();
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<String> ids = rows.stream().map(TrackedDecisions.Row::processInstanceId).collect(Collectors.toSet());
    Map<String, HistoricProcessInstance> trackings = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(ids).list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, p -> p));
    Map<String, Map<String, Object>> vars = variables(ids, List.of(TrackingVariables.SCHEDULED_EVALUATIONS,
        TrackingVariables.EVALUATION_HISTORY));
    return rows.stream().filter(r -> trackings.containsKey(r.processInstanceId())).map(r -> {
      HistoricProcessInstance pi = trackings.get(r.processInstanceId());
      Map<String, Object> v = vars.getOrDefault(r.processInstanceId(), Map.of());
      List<LocalDate> due = Optional.ofNullable(TrackingVariables.SCHEDULED_EVALUATIONS.from(v)).orElse(List.of())
          .stream().map(ScheduledEvaluation::dueDate).filter(Objects::nonNull).toList();
      List<Waiver> waivers = Optional.ofNullable(TrackingVariables.EVALUATION_HISTORY.from(v)).orElse(List.of())
          .stream().filter(EvaluationRecord::waived)
          .map(h -> new Waiver(h.evaluationType(), h.startedDate(), h.completedDate())).toList();
      return new Decision(r.decisionNumber(), r.title(), r.executingUnit(), day(pi.getStartTime()),
          pi.getEndTime() == null ? null : day(pi.getEndTime()), due, waivers);
    }).toList();
  }

  private List<Evaluation> evaluations(Date yearEnd) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.POST_EVALUATION).startedBefore(yearEnd).list();
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> vars = variables(
        instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet()), EVALUATION_VARIABLES);
    return instances.stream().map(pi -> {
      Map<String, Object> v = vars.getOrDefault(pi.getId(), Map.of());
      String number = Optional.ofNullable(EvaluationVariables.DECISION_NUMBER.from(v)).orElse(pi.getBusinessKey());
      Set<String> channels = new LinkedHashSet<>();
      Optional.ofNullable(EvaluationVariables.CONSULTATIONS.from(v)).orElse(List.of()).stream()
          .map(Consultation::channel).filter(Objects::nonNull).forEach(channels::add);
      if (EvaluationVariables.SURVEY_ID.from(v) != null) {
        channels.add(ONLINE_SURVEY); // the questionnaire ran, whether or not its row was kept
      }
      LocalDate started = Optional.ofNullable(EvaluationVariables.EVALUATION_STARTED_DATE.from(v))
          .orElse(day(pi.getStartTime()));
      LocalDate completed = pi.getEndTime() == null ? null : EvaluationVariables.EVALUATION_COMPLETED_DATE.from(v);
      String normalised = DecisionNumber.normalise(number);
      return new Evaluation(pi.getId(), normalised == null ? number : normalised,
          EvaluationVariables.EVALUATION_TYPE.from(v), started, completed, completed == null ? null
              : EvaluationVariables.EVALUATION_GRADE.from(v), completed == null ? null
              : EvaluationVariables.EVALUATION_OUTCOME.from(v), Set.copyOf(channels));
    }).toList();
  }

  private List<TaskFact> tasks(Date yearEnd) {
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().taskDueBefore(yearEnd).list();
    if (tasks.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> groups = new HashMap<>();
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().type(IdentityLinkType.CANDIDATE)
        .list()) {
      if (link.getGroupId() != null && link.getTaskId() != null && "add".equals(link.getOperationType())) {
        groups.computeIfAbsent(link.getTaskId(), k -> new LinkedHashSet<>()).add(link.getGroupId());
      }
    }
    return tasks.stream().map(t -> new TaskFact(t.getId(), t.getProcessInstanceId(),
        Set.copyOf(groups.getOrDefault(t.getId(), Set.of())), t.getDueDate().toInstant(),
        t.getEndTime() == null ? null : t.getEndTime().toInstant())).toList();
  }

  /** The executing units of the directory with their Chinese names. */
  private Map<String, String> unitNames() {
    Map<String, String> names = new TreeMap<>();
    for (Group g : identity.createGroupQuery().list()) {
      if (Groups.isExecutingUnit(g.getId())) {
        names.put(g.getId(), g.getName() == null ? g.getId() : g.getName());
      }
    }
    return names;
  }

  /** One query for the named variables of many instances; a process-level value wins over a task-local one. */
  private Map<String, Map<String, Object>> variables(Set<String> instanceIds, List<ProcessVariable<?>> variables) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    if (instanceIds.isEmpty()) {
      return byInstance;
    }
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new))
        .variableNameIn(variables.stream().map(ProcessVariable::name).toArray(String[]::new))
        .list()) {
      Map<String, Object> map = byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>());
      boolean processLevel = v.getProcessInstanceId().equals(v.getExecutionId()) && v.getTaskId() == null;
      if (processLevel || !map.containsKey(v.getName())) {
        map.put(v.getName(), v.getValue());
      }
    }
    return byInstance;
  }

  private static LocalDate day(Date date) {
    return date.toInstant().atZone(BeijingClock.ZONE).toLocalDate();
  }
}
