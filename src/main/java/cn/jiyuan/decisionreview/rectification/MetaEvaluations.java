package cn.jiyuan.decisionreview.rectification;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.evaluation.ExpertConclusion;
import cn.jiyuan.decisionreview.evaluation.ExpertOpinion;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The meta-evaluation of one evaluation (how well the evaluation itself went, Art. 16, 26): the time taken against
 * the deadlines its steps were given, participation achieved, expert dissent, budget planned against used, and how
 * many of its recommendations were carried out. Read from the engine history, so it works after the evaluation ended.
 */
@Service
@CarriesOut({"第十六条", "第二十六条"})
public class MetaEvaluations {

  private final HistoryService history;
  private final RectificationService rectifications;
  private final WorkingDayCalendar calendar;
  private final SystemCalls system;
  private final BeijingClock clock;

  public MetaEvaluations(HistoryService history, RectificationService rectifications, WorkingDayCalendar calendar,
      SystemCalls system, BeijingClock clock) {
    this.history = history;
    this.rectifications = rectifications;
    this.calendar = calendar;
    this.system = system;
    this.clock = clock;
  }

  /**
   * {@code plannedWorkingDays}: from the start to the latest due date its user tasks had (the schedule the system set,
   * step by step, from the taskDeadline table); {@code workingDaysTaken}: from the start to completion (or today);
   * {@code planSchedule}: the plan's own 步骤与时间安排 as written (full procedure).
   */
  public record MetaEvaluation(String evaluationProcessInstanceId, String decisionNumber, String startedDate,
      String completedDate, Integer plannedWorkingDays, int workingDaysTaken, Boolean withinSchedule,
      String planSchedule, List<String> channels, List<String> channelLabels, int consultations, int participants,
      int opinions, Integer surveyResponses, int expertOpinions, int expertDissents, Double budgetPlanned,
      Double budgetUsed, RectificationCounts recommendations) {}

  /** The evaluations (post-evaluation instances) completed in {@code year} (Beijing time), oldest first. */
  public List<MetaEvaluation> completedIn(int year) {
    java.util.Date from = java.util.Date.from(LocalDate.of(year, 1, 1).atStartOfDay(BeijingClock.ZONE).toInstant());
    java.util.Date to = java.util.Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(BeijingClock.ZONE).toInstant());
    return system.run(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(cn.jiyuan.decisionreview.identity.ProcessKeys.POST_EVALUATION).finishedAfter(from)
        .finishedBefore(to).orderByProcessInstanceEndTime().asc().list().stream().map(p -> compute(p.getId()))
        .toList());
  }

  public MetaEvaluation of(String processInstanceId) {
    return system.run(() -> compute(processInstanceId));
  }

  private MetaEvaluation compute(String pid) {
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance h : history.createHistoricVariableInstanceQuery().processInstanceIdIn(pid)
        .disableCustomObjectDeserialization().list()) {
      v.putIfAbsent(h.getName(), h.getValue());
    }
    LocalDate started = read(EVALUATION_STARTED_DATE, v);
    LocalDate completed = read(EVALUATION_COMPLETED_DATE, v);
    LocalDate end = completed != null ? completed : clock.today();
    LocalDate latestDue = history.createHistoricTaskInstanceQuery().processInstanceId(pid).list().stream()
        .map(HistoricTaskInstance::getDueDate).filter(Objects::nonNull)
        .map(d -> d.toInstant().atZone(BeijingClock.ZONE).toLocalDate()).max(LocalDate::compareTo).orElse(null);
    Integer planned = started == null || latestDue == null ? null : calendar.workingDaysBetween(started, latestDue);
    int taken = started == null ? 0 : calendar.workingDaysBetween(started, end);
    List<Consultation> consultations = orEmpty(read(CONSULTATIONS, v));
    Set<String> channels = new LinkedHashSet<>();
    int participants = 0;
    int opinions = 0;
    for (Consultation c : consultations) {
      if (c == null) {
        continue;
      }
      if (c.channel() != null) {
        channels.add(c.channel());
      }
      participants += c.participantCount() == null ? 0 : c.participantCount().intValue();
      opinions += c.opinionTotal() == null ? 0 : c.opinionTotal().intValue();
    }
    List<ExpertOpinion> experts = orEmpty(read(EXPERT_OPINIONS, v));
    int dissent = (int) experts.stream().filter(Objects::nonNull)
        .filter(o -> ExpertConclusion.DISAGREE.name().equals(o.conclusion())).count();
    return new MetaEvaluation(pid, read(DECISION_NUMBER, v), started == null ? null : started.toString(),
        completed == null ? null : completed.toString(), planned, taken,
        planned == null || completed == null ? null : taken <= planned, read(PLAN_STEPS_SCHEDULE, v),
        List.copyOf(channels), channels.stream().map(c -> EvaluationCodes.label(EvaluationCodes.CHANNELS, c)).toList(),
        consultations.size(), participants, opinions, read(SURVEY_RESPONSE_COUNT, v), experts.size(), dissent,
        read(PLAN_BUDGET, v), read(BUDGET_USED, v), rectifications.countsOfEvaluation(pid));
  }

  private static <T> T read(ProcessVariable<T> variable, Map<String, Object> values) {
    try {
      return variable.from(values);
    } catch (RuntimeException e) {
      return null; // an unreadable value is left out of the summary rather than failing it
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
