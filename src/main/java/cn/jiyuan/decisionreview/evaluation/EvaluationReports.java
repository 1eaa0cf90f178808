package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;

import cn.jiyuan.decisionreview.config.DecisionReviewProperties;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.form.FormValues;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.report.ReportData;
import cn.jiyuan.decisionreview.report.ReportService;
import cn.jiyuan.decisionreview.security.SystemCalls;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
  private final DecisionReviewProperties properties;
  private final SystemCalls system;
  private final Directory directory;

  public EvaluationReports(ReportService reportService, EvaluationFileStore store, HistoryService historyService,
      Directory directory, DecisionReviewProperties properties, SystemCalls system) {
    this.system = system;
    this.directory = directory;
    this.reportService = reportService;
    this.store = store;
    this.historyService = historyService;
    this.properties = properties;
  }

  /** 起草评估报告: a generated draft (Art. 13(1)). */
  public void generateDraft(DelegateExecution execution) {
    execution.setVariable(REPORT_REVISED_BY_TEAM, false);
    store(execution, reportService.render(assemble(execution::getVariable, execution.getProcessInstanceId(), true)), false);
  }

  /** 审核报告初稿: the team's revised Word file replaces the draft. */
  public void replaceWithRevision(DelegateExecution execution, byte[] revised) {
    execution.setVariable(REPORT_REVISED_BY_TEAM, true);
    store(execution, revised, false);
  }

  /**
   * 生成正式报告 (Art. 13(3)): regenerated from the data, or, when the team revised the draft, its revision
   * with the expert opinions (and any dissent) appended, so dissent always reaches the authority.
   */
  public void generateFinal(DelegateExecution execution) {
    ReportData data = assemble(execution::getVariable, execution.getProcessInstanceId(), false);
    byte[] content;
    if (FormValues.isTrue(execution.getVariable(REPORT_REVISED_BY_TEAM))
        && execution.getVariableTyped(REVISED_REPORT) instanceof FileValue revised) {
      content = reportService.appendExpertOpinions(EvaluationTaskCompletion.bytes(revised), data.expertOpinions());
    } else {
      content = reportService.render(data);
    }
    store(execution, content, true);
  }

  private void store(DelegateExecution execution, byte[] content, boolean fin) {
    String number = FormValues.text(execution.getVariable(DECISION_NUMBER));
    String fileName = ReportService.fileName(number, !fin);
    execution.setVariable(EVALUATION_REPORT, Variables.fileValue(fileName).file(content)
        .mimeType(ReportService.MIME_TYPE).encoding("UTF-8").create());
    store.saveReport(execution.getProcessInstanceId(), number, fileName, content, fin);
  }

  /** Runs as the system: the report covers the whole procedure, whichever participant's step triggered it. */
  ReportData assemble(Function<String, Object> var, String processInstanceId, boolean draft) {
    return system.run(() -> assembleAsSystem(var, processInstanceId, draft));
  }

  private ReportData assembleAsSystem(Function<String, Object> var, String processInstanceId, boolean draft) {
    String unit = FormValues.text(var.apply(EXECUTING_UNIT));
    List<Dimension> inScope = EvaluationFormRules.dimensionsInScope(var);
    List<ReportData.DimensionResult> dimensions = inScope.stream()
        .map(d -> new ReportData.DimensionResult(d.article(), d.label(),
            intOrNull(var.apply(d.scoreVariable())), FormValues.text(var.apply(d.findingsVariable()))))
        .toList();
    List<ReportData.TeamMember> team = FormValues.objectList(var.apply(TEAM_MEMBERS)).stream()
        .map(m -> new ReportData.TeamMember(str(m, "name"), str(m, "organisation"), str(m, "category"), str(m, "contact")))
        .toList();
    List<ReportData.Consultation> consultations = FormValues.objectList(var.apply(CONSULTATIONS)).stream()
        .map(c -> new ReportData.Consultation(EvaluationCodes.label(EvaluationCodes.CHANNELS, c.get("channel")),
            FormValues.date(c.get("date")), intOrNull(c.get("participants")), intOrNull(c.get("opinionCount")),
            str(c, "summary")))
        .toList();
    List<ReportData.Material> materials = store.materials(processInstanceId).stream()
        .map(f -> new ReportData.Material(f.fileName(), f.size(), directory.userName(f.uploadedBy()),
            f.uploadedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString()))
        .toList();
    List<ReportData.ExpertOpinion> opinions = FormValues.objectList(var.apply(EXPERT_OPINIONS)).stream()
        .map(o -> new ReportData.ExpertOpinion(str(o, "expertName"),
            EvaluationCodes.label(EvaluationCodes.EXPERT_CONCLUSIONS, o.get("conclusion")), str(o, "opinion"),
            str(o, "dissentReason"), FormValues.date(o.get("date"))))
        .toList();
    String implementationSummary = joinNonBlank(
        labelled("实施情况数据", var.apply(IMPLEMENTATION_DATA)), labelled("存在的问题", var.apply(IMPLEMENTATION_PROBLEMS)),
        labelled("存在的风险", var.apply(IMPLEMENTATION_RISKS)), labelled("意见建议", var.apply(IMPLEMENTATION_SUGGESTIONS)));
    return new ReportData(
        FormValues.text(var.apply(DECISION_NUMBER)), FormValues.text(var.apply(DECISION_TITLE)), directory.groupName(unit),
        properties.getAuthorityName(),
        EvaluationCodes.label(EvaluationCodes.EVALUATION_TYPES, var.apply(EVALUATION_TYPE)),
        FormValues.text(var.apply(LEGAL_BASIS)), evaluatorDescription(var),
        EvaluationCodes.label(EvaluationCodes.PROCEDURES, var.apply(PROCEDURE_TYPE)),
        EvaluationCodes.label(EvaluationCodes.SCOPES, var.apply(EVALUATION_SCOPE)),
        team, timeline(processInstanceId, var), consultations, dimensions,
        FormValues.text(var.apply(IMPLEMENTATION_PERFORMANCE)), FormValues.text(var.apply(INSTITUTIONAL_DESIGN)),
        implementationSummary, FormValues.number(var.apply(WEIGHTED_SCORE)),
        EvaluationCodes.label(EvaluationCodes.GRADES, var.apply(EVALUATION_GRADE)),
        EvaluationCodes.label(EvaluationCodes.OUTCOMES, var.apply(SUGGESTED_OUTCOME)),
        FormValues.text(var.apply(PRELIMINARY_CONCLUSION)), FormValues.text(var.apply(RECOMMENDATIONS)),
        FormValues.text(var.apply(OTHER_ISSUES)), materials, opinions,
        properties.getMeasures().versionText(), LocalDate.now(EvaluationStartListener.CHINA), draft);
  }

  private String evaluatorDescription(Function<String, Object> var) {
    String type = EvaluationCodes.label(EvaluationCodes.EVALUATOR_TYPES, var.apply(EVALUATOR_TYPE));
    if ("COMMISSIONED".equals(FormValues.text(var.apply(EVALUATOR_TYPE)))) {
      return type + "：受委托评估机构" + FormValues.text(var.apply(AGENCY_NAME)) + "（委托单位："
          + directory.groupName(FormValues.text(var.apply(UNDERTAKING_UNIT))) + "；委托范围：" + FormValues.text(var.apply(COMMISSION_SCOPE))
          + "；机构已承诺不转包委托事项）";
    }
    return type + "：" + directory.groupName(FormValues.text(var.apply(UNDERTAKING_UNIT)));
  }

  /** The procedure's steps and dates, from the completed tasks (Art. 24: history is the record). */
  private List<ReportData.TimelineEntry> timeline(String processInstanceId, Function<String, Object> var) {
    List<ReportData.TimelineEntry> entries = new ArrayList<>();
    LocalDate started = FormValues.date(var.apply(EVALUATION_STARTED_DATE));
    if (started != null) {
      entries.add(new ReportData.TimelineEntry(started, "启动评估（" + FormValues.text(var.apply(LEGAL_BASIS)) + "）"));
    }
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
      entries.add(new ReportData.TimelineEntry(
          t.getEndTime().toInstant().atZone(EvaluationStartListener.CHINA).toLocalDate(), t.getName()));
    }
    return entries;
  }

  private static String labelled(String label, Object value) {
    String s = FormValues.text(value);
    return s == null ? null : label + "：" + s;
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

  private static String str(Map<String, Object> m, String key) {
    return FormValues.text(m.get(key));
  }

  private static Integer intOrNull(Object value) {
    Long l = FormValues.wholeNumber(value);
    return l == null ? null : l.intValue();
  }
}
