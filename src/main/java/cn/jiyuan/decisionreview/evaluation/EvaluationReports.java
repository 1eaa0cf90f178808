package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.evaluation.files.Uploads;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.report.ReportData;
import cn.jiyuan.decisionreview.report.ReportService;
import cn.jiyuan.decisionreview.report.ReportText;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Service;

/**
 * Builds the Art. 14 report from an evaluation's variables and history, keeps it as the File variable
 * {@code evaluationReport} and in the report archive (downloadable after the process has ended).
 */
@Service
public class EvaluationReports {

  private final ReportService reportService;
  private final EvaluationFileStore store;
  private final HistoryService historyService;
  private final OrganisationProperties organisation;
  private final SystemCalls system;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final AgencyService agencies;
  private final RepositoryService repositoryService;
  private final BeijingClock clock;

  public EvaluationReports(ReportService reportService, EvaluationFileStore store, HistoryService historyService,
      RuntimeService runtimeService, IdentityService identityService, AgencyService agencies, Directory directory,
      OrganisationProperties organisation, SystemCalls system, RepositoryService repositoryService,
      BeijingClock clock) {
    this.repositoryService = repositoryService;
    this.clock = clock;
    this.system = system;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.agencies = agencies;
    this.reportService = reportService;
    this.store = store;
    this.historyService = historyService;
    this.organisation = organisation;
  }

  /** 起草评估报告: a generated draft (Art. 13(1)). */
  public void generateDraft(DelegateExecution execution) {
    REPORT_REVISED_BY_TEAM.set(execution, false);
    store(execution, reportService.render(assemble(execution::getVariable, execution.getProcessInstanceId(), true)), false);
  }

  /** 审核报告初稿: the team's revised Word file replaces the draft. */
  public void replaceWithRevision(DelegateExecution execution, byte[] revised) {
    REPORT_REVISED_BY_TEAM.set(execution, true);
    store(execution, revised, false);
  }

  /**
   * 生成正式报告 (Art. 13(3)): regenerated from the data, or, when the team revised the draft, its revision
   * with the expert opinions (and any dissent) appended, so dissent always reaches the authority.
   */
  public void generateFinal(DelegateExecution execution) {
    ReportData data = assemble(execution::getVariable, execution.getProcessInstanceId(), false);
    byte[] content;
    if (Boolean.TRUE.equals(REPORT_REVISED_BY_TEAM.get(execution))
        && execution.getVariableTyped(REVISED_REPORT) instanceof FileValue revised) {
      content = reportService.appendExpertOpinions(Uploads.bytes(revised), data.expertOpinions());
    } else {
      content = reportService.render(data);
    }
    store(execution, content, true);
  }

  /**
   * 决策机关审定 approved (Art. 13(4), 16): the final report gets the authority's decision, its 处理决定 and reasons
   * as a last page, in the variable {@code evaluationReport} and in the archive. Recorded when the authority
   * decides, so that the report downloaded from then on (and archived at 评估归档) shows it.
   */
  public void recordApproval(DelegateExecution execution, String approvedBy) {
    if (!(execution.getVariableTyped(EVALUATION_REPORT) instanceof FileValue report) || report.getValue() == null) {
      return;
    }
    ReportData.Approval approval = new ReportData.Approval(APPROVED_LABEL,
        FormValues.text(EvaluationCodes.label(EvaluationCodes.OUTCOMES, EVALUATION_OUTCOME.get(execution))),
        OUTCOME_REASONS.get(execution), organisation.authorityName(),
        approvedBy == null ? null : FormValues.text(directory.userName(approvedBy)), clock.today());
    store(execution, reportService.appendApproval(Uploads.bytes(report), approval), true);
  }

  /** The label of 审定通过 as the authority-approval form shows it. */
  static final String APPROVED_LABEL = "审定通过";

  private void store(DelegateExecution execution, byte[] content, boolean fin) {
    String number = DECISION_NUMBER.get(execution);
    String fileName = ReportService.fileName(number, !fin);
    execution.setVariable(EVALUATION_REPORT, Variables.fileValue(fileName).file(content)
        .mimeType(ReportService.MIME_TYPE).encoding("UTF-8").create());
    store.saveReport(execution.getProcessInstanceId(), number, fileName, content, fin);
  }

  /** Runs as the system: the report covers the whole procedure, whichever participant's step triggered it. */
  ReportData assemble(Function<String, Object> var, String processInstanceId, boolean draft) {
    // the step that triggered the report was completed by the authenticated user (Tasklist, REST)
    String currentUser = identityService.getCurrentAuthentication() == null ? null
        : identityService.getCurrentAuthentication().getUserId();
    return system.run(() -> assembleAsSystem(var, processInstanceId, currentUser, draft));
  }

  private ReportData assembleAsSystem(Function<String, Object> var, String processInstanceId, String currentUser,
      boolean draft) {
    String unit = EXECUTING_UNIT.of(var);
    List<Dimension> inScope = EvaluationFormRules.dimensionsInScope(var);
    List<ReportData.DimensionResult> dimensions = inScope.stream()
        .map(d -> new ReportData.DimensionResult(d.article(), d.label(), d.score().of(var), d.findings().of(var)))
        .toList();
    List<ReportData.TeamMember> team = listOf(TEAM_MEMBERS, var).stream()
        .map(m -> new ReportData.TeamMember(text(m.name()), text(m.organisation()), text(m.category()), text(m.contact())))
        .toList();
    List<ReportData.Consultation> consultations = listOf(CONSULTATIONS, var).stream()
        .map(c -> new ReportData.Consultation(EvaluationCodes.label(EvaluationCodes.CHANNELS, c.channel()), c.day(),
            intOrNull(c.participantCount()), intOrNull(c.opinionTotal()), text(c.summary())))
        .toList();
    List<ReportData.Material> materials = store.materials(processInstanceId).stream()
        .map(f -> new ReportData.Material(f.fileName(), f.size(), directory.userName(f.uploadedBy()),
            f.uploadedAt().atZone(BeijingClock.ZONE).toLocalDateTime().toString()))
        .toList();
    List<ReportData.ExpertOpinion> opinions = listOf(EXPERT_OPINIONS, var).stream()
        .map(o -> new ReportData.ExpertOpinion(text(o.expertName()), conclusionLabel(o.conclusion()), text(o.opinion()),
            text(o.dissentReason()), o.date()))
        .toList();
    String implementationSummary = joinNonBlank(
        labelled("实施情况数据", IMPLEMENTATION_DATA.of(var)), labelled("存在的问题", IMPLEMENTATION_PROBLEMS.of(var)),
        labelled("存在的风险", IMPLEMENTATION_RISKS.of(var)), labelled("意见建议", IMPLEMENTATION_SUGGESTIONS.of(var)));
    List<EvaluationHistory.Step> steps = steps(processInstanceId, var, currentUser);
    return new ReportData(
        DECISION_NUMBER.of(var), DECISION_TITLE.of(var), directory.groupName(unit),
        organisation.authorityName(),
        EvaluationCodes.label(EvaluationCodes.EVALUATION_TYPES, EVALUATION_TYPE.of(var)),
        LEGAL_BASIS.of(var), evaluator(var), label(PROCEDURE_TYPE.of(var), Procedure::label),
        label(EVALUATION_SCOPE.of(var), EvaluationScope::label),
        team, EvaluationHistory.contributors(steps, directory::userName, directory::groupName),
        EvaluationHistory.timeline(EVALUATION_STARTED_DATE.of(var), LEGAL_BASIS.of(var),
            steps, agencyRefusals(processInstanceId), this::agencyName, directory::userName),
        consultations, dimensions,
        IMPLEMENTATION_PERFORMANCE.of(var), INSTITUTIONAL_DESIGN.of(var),
        implementationSummary, WEIGHTED_SCORE.of(var),
        EvaluationCodes.label(EvaluationCodes.GRADES, EVALUATION_GRADE.of(var)),
        EvaluationCodes.label(EvaluationCodes.OUTCOMES, SUGGESTED_OUTCOME.of(var)),
        PRELIMINARY_CONCLUSION.of(var), RECOMMENDATIONS.of(var),
        OTHER_ISSUES.of(var), materials, opinions,
        organisation.measures().versionText(), clock.today(), draft, surveySummary(SURVEY_RESULTS.of(var)))
        .withFollowUp(followUp(var));
  }

  /** The previous evaluation's items (set when this one started) and this report's recommendations (Art. 16). */
  private ReportData.FollowUp followUp(Function<String, Object> var) {
    List<PreviousRectification> previous;
    List<Recommendation> recommended;
    try {
      previous = PREVIOUS_RECTIFICATIONS.of(var);
      recommended = RECOMMENDATION_ITEMS.of(var);
    } catch (RuntimeException e) {
      return null; // unreadable values leave the sections out rather than fail the report
    }
    List<ReportData.FollowUpItem> before = previous == null ? List.of() : previous.stream()
        .map(p -> new ReportData.FollowUpItem(p.no(), p.text(), p.unitName(), p.kindLabel(), p.dueDate(),
            p.statusLabel() + (p.unitStatusLabel() == null || p.unitStatusLabel().isEmpty() ? ""
                : "（单位报告" + p.unitStatusLabel() + "）"), p.measures()))
        .toList();
    List<ReportData.FollowUpItem> now = new java.util.ArrayList<>();
    if (recommended != null) {
      for (int i = 0; i < recommended.size(); i++) {
        Recommendation r = recommended.get(i);
        if (r == null) {
          continue;
        }
        now.add(new ReportData.FollowUpItem(i + 1, text(r.text()), directory.groupName(r.responsibleUnit()),
            r.kindCode() == null ? "" : r.kindCode().label(),
            r.workingDays() == null ? "" : r.workingDays() + " 个工作日", "", ""));
      }
    }
    return new ReportData.FollowUp(before, now);
  }

  /** Short names of the Art. 7 dimensions that fit a chart axis; the sections of the report use the full ones. */
  static final Map<Dimension, String> CHART_LABELS = Map.of(Dimension.LEGALITY, "合法性与协调性",
      Dimension.EXECUTION, "执行情况与措施", Dimension.PROCEDURE, "执行程序", Dimension.ALIGNMENT, "发展方向与公众满意度",
      Dimension.EFFECT, "近期效益与长远影响", Dimension.OBJECTIVES, "结果与目的符合程度");

  /** The questionnaire's aggregate as the report draws it; null before 汇总问卷结果 (no charts then). */
  static ReportData.SurveySummary surveySummary(SurveyResults results) {
    if (results == null) {
      return null;
    }
    List<SurveyResults.DimensionResult> dimensions = results.dimensions() == null ? List.of()
        : results.dimensions().stream().filter(java.util.Objects::nonNull).toList();
    // the scale as aggregated, in its order (the aggregate keeps every point, also those nobody chose)
    List<String> scale = dimensions.stream().map(SurveyResults.DimensionResult::distribution)
        .filter(java.util.Objects::nonNull).findFirst().map(d -> List.copyOf(d.keySet())).orElse(List.of());
    List<ReportData.SurveyDimension> rows = dimensions.stream().map(d -> new ReportData.SurveyDimension(
        Dimension.fromCode(d.dimension()).map(CHART_LABELS::get).orElse(d.label()),
        scale.stream().map(point -> d.distribution() == null ? 0 : d.distribution().getOrDefault(point, 0)).toList(),
        d.mean(), d.score())).toList();
    LocalDate closedOn = null;
    if (results.closedAt() != null) {
      try {
        closedOn = java.time.OffsetDateTime.parse(results.closedAt()).atZoneSameInstant(BeijingClock.ZONE).toLocalDate();
      } catch (java.time.format.DateTimeParseException e) {
        closedOn = null; // a hand-edited variable: the report leaves the date out
      }
    }
    return new ReportData.SurveySummary(results.responseCount(), closedOn, results.awareness(), scale, rows);
  }

  private ReportData.Evaluator evaluator(Function<String, Object> var) {
    EvaluatorType type = EVALUATOR_TYPE.of(var);
    boolean commissioned = type == EvaluatorType.COMMISSIONED;
    String undertaking = UNDERTAKING_UNIT.of(var);
    return new ReportData.Evaluator(label(type, EvaluatorType::label),
        commissioned, undertaking == null ? null : directory.groupName(undertaking),
        commissioned ? AGENCY_NAME.of(var) : null,
        commissioned ? COMMISSION_SCOPE.of(var) : null);
  }

  private String agencyName(String agencyId) {
    return agencies.find(agencyId).map(a -> a.name()).orElse(agencyId);
  }

  /**
   * The completed user tasks in order, each with who completed it, the group it was offered to and the values its
   * submission set. The task whose completion triggered the report is still open in the database (the history is
   * written when the transaction ends): an unfinished task whose activity is no longer active is that one.
   */
  private List<EvaluationHistory.Step> steps(String processInstanceId, Function<String, Object> var, String currentUser) {
    Map<String, String> completers = new HashMap<>();
    for (UserOperationLogEntry e : historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (e.getTaskId() != null && e.getUserId() != null) {
        completers.putIfAbsent(e.getTaskId(), e.getUserId());
      }
    }
    Map<String, Map<String, Object>> submitted = new HashMap<>();
    for (HistoricDetail d : historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(processInstanceId)
        .disableBinaryFetching().disableCustomObjectDeserialization().orderByTime().asc().list()) {
      if (d instanceof HistoricVariableUpdate u && STEP_VARIABLES.contains(u.getVariableName())) {
        Object value = u.getValue() == null && "file".equals(u.getTypeName()) ? u.getTypeName() : u.getValue();
        for (String scope : new String[] {u.getActivityInstanceId(), u.getTaskId()}) {
          if (scope != null) {
            submitted.computeIfAbsent(scope, k -> new HashMap<>()).put(u.getVariableName(), value);
          }
        }
      }
    }
    Set<String> active = activeActivities(processInstanceId);
    LocalDate today = clock.today();
    List<EvaluationHistory.Step> finished = new ArrayList<>();
    List<EvaluationHistory.Step> justCompleted = new ArrayList<>();
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricTaskInstanceEndTime().asc().list()) {
      boolean done = t.getEndTime() != null;
      if (!done && active.contains(t.getTaskDefinitionKey())) {
        continue;
      }
      Map<String, Object> values = new HashMap<>();
      if (submitted.containsKey(t.getActivityInstanceId())) {
        values.putAll(submitted.get(t.getActivityInstanceId()));
      }
      if (submitted.containsKey(t.getId())) {
        values.putAll(submitted.get(t.getId()));
      }
      if (!done) {
        STEP_VARIABLES.forEach(name -> values.computeIfAbsent(name, var));
      }
      String completedBy = t.getAssignee() != null ? t.getAssignee() : done ? completers.get(t.getId()) : currentUser;
      // the step as its task declares it (formRules): a simplified-path task is the same step as its full twin
      String key = Optional.ofNullable(TaskKeys.ruleSet(repositoryService.getBpmnModelInstance(t.getProcessDefinitionId()),
          t.getTaskDefinitionKey())).orElse(t.getTaskDefinitionKey());
      EvaluationHistory.Step step = new EvaluationHistory.Step(key, t.getName(),
          done ? t.getEndTime().toInstant().atZone(BeijingClock.ZONE).toLocalDate() : today, completedBy,
          candidateGroup(t.getId()), values);
      (done ? finished : justCompleted).add(step);
    }
    finished.addAll(justCompleted);
    return finished;
  }

  /** The variables that tell what a step decided (see {@link EvaluationHistory#timeline}). */
  private static final Set<String> STEP_VARIABLES = Set.of(EVALUATOR_TYPE.name(), PROCEDURE_TYPE.name(), AGENCY_ID.name(),
      PLAN_DECISION.name(), PLAN_REVIEW_COMMENTS.name(), REVISED_REPORT, EXPERT_CONCLUSION.name(), REPORT_DECISION.name(),
      REPORT_RETURN_COMMENTS.name(), EVALUATION_OUTCOME.name());

  private Set<String> activeActivities(String processInstanceId) {
    try {
      return new HashSet<>(runtimeService.getActiveActivityIds(processInstanceId));
    } catch (ProcessEngineException e) {
      return Set.of(); // the instance has ended: every task is finished
    }
  }

  private String candidateGroup(String taskId) {
    return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).list()
        .stream().map(HistoricIdentityLinkLog::getGroupId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** Each agency refusal's reason (Art. 22, 25), in order: one per refused 选择受委托评估机构. */
  private List<String> agencyRefusals(String processInstanceId) {
    List<String> reasons = new ArrayList<>();
    for (HistoricDetail d : historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(processInstanceId)
        .disableBinaryFetching().orderByTime().asc().list()) {
      if (d instanceof HistoricVariableUpdate u && AGENCY_REFUSAL_REASON.name().equals(u.getVariableName())
          && FormValues.text(u.getValue()) != null) {
        reasons.add(FormValues.text(u.getValue()));
      }
    }
    return reasons;
  }

  private static String labelled(String label, Object value) {
    String s = FormValues.text(value);
    return s == null ? null : label + "：" + ReportText.sentence(s);
  }

  private static String joinNonBlank(String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (p != null) {
        present.add(p);
      }
    }
    return present.isEmpty() ? null : String.join("\n", present);
  }

  private static String text(String value) {
    return FormValues.text(value);
  }

  private static Integer intOrNull(Long value) {
    return value == null ? null : value.intValue();
  }

  /** A stored list, without the holes a hand-made JSON array may have. */
  private static <T> List<T> listOf(ProcessVariable<List<T>> variable, Function<String, Object> var) {
    List<T> items = variable.of(var);
    return items == null ? List.of() : items.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static <E> String label(E code, Function<E, String> label) {
    return code == null ? "" : label.apply(code);
  }

  private static String conclusionLabel(String conclusion) {
    ExpertConclusion code = FormValues.code(conclusion, ExpertConclusion.class);
    return code == null ? "" : code.label();
  }
}
