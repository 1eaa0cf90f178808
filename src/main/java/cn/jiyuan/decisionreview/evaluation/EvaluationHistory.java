package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.report.ReportData.Contributor;
import cn.jiyuan.decisionreview.report.ReportData.TimelineEntry;
import cn.jiyuan.decisionreview.report.ReportText;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The procedure as the report tells it (Art. 24: the history is the record), from an evaluation's completed
 * tasks. A step that was refused or returned says so, with the reason, so that a task listed twice is explained.
 * Plain logic, no engine: {@link EvaluationReports} reads the history into {@link Step}s.
 */
final class EvaluationHistory {

  /** Steps whose people did the evaluation's work (Art. 5, 11, 12, 13), as opposed to deciding on it. */
  static final Set<String> WORK = Set.of(TaskKeys.FORM_TEAM, TaskKeys.DRAFT_PLAN, TaskKeys.DESIGN_SURVEY,
      TaskKeys.SUPPLY_MATERIALS, TaskKeys.RECORD_CONSULTATIONS, TaskKeys.ANALYSIS, TaskKeys.REVIEW_DRAFT,
      TaskKeys.SELECT_EXPERTS, TaskKeys.FINALIZE_REPORT);

  private EvaluationHistory() {}

  /**
   * A completed user task.
   *
   * @param key the step's task key: its {@code formRules} property ({@link TaskKeys#ruleSet}), the full path's key
   * @param completedBy the user who completed it, if known
   * @param group the candidate group it was offered to
   * @param submitted the variables its submission set
   */
  record Step(String key, String name, LocalDate date, String completedBy, String group, Map<String, Object> submitted) {

    <T> T value(ProcessVariable<T> variable) {
      return submitted == null ? null : variable.from(submitted);
    }

    /** Whether the step set the variable (a file upload, whose content the history does not hold). */
    boolean has(String variable) {
      return submitted != null && submitted.get(variable) != null;
    }
  }

  /**
   * The timeline: the start, then each step in order of completion.
   *
   * @param agencyRefusals the reasons of the agency refusals in order (one per refused 选择受委托评估机构)
   */
  static List<TimelineEntry> timeline(LocalDate started, String legalBasis, List<Step> steps, List<String> agencyRefusals,
      Function<String, String> agencyName, Function<String, String> userName) {
    List<TimelineEntry> entries = new ArrayList<>();
    if (started != null) {
      entries.add(new TimelineEntry(started, "启动评估" + (legalBasis == null ? "" : "（" + ReportText.clause(legalBasis) + "）")));
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    int agencySelections = 0;
    for (Step s : steps) {
      int round = seen.merge(s.key(), 1, Integer::sum);
      String step = switch (s.key() == null ? "" : s.key()) {
        case TaskKeys.DETERMINE_METHOD -> method(s);
        case TaskKeys.SELECT_AGENCY -> {
          String refusal = agencySelections < agencyRefusals.size() ? agencyRefusals.get(agencySelections) : null;
          agencySelections++;
          yield agency(s, refusal, agencyName);
        }
        case TaskKeys.DRAFT_PLAN -> round == 1 ? s.name() : "按退回意见修改评估方案";
        case TaskKeys.APPROVE_PLAN -> s.value(EvaluationVariables.PLAN_DECISION) == ReviewDecision.RETURN
            ? withReason("评估方案被决策机关退回修改", "退回意见", s.value(EvaluationVariables.PLAN_REVIEW_COMMENTS))
            : "评估方案经决策机关批准";
        case TaskKeys.REVIEW_DRAFT -> s.has(EvaluationVariables.REVISED_REPORT) ? s.name() + "，上传修改稿" : s.name();
        case TaskKeys.EXPERT_OPINION -> expert(s, userName);
        case TaskKeys.FINALIZE_REPORT -> round == 1 ? s.name() : "按决策机关退回意见修改，重新形成评估报告";
        case TaskKeys.AUTHORITY_APPROVAL -> s.value(EvaluationVariables.REPORT_DECISION) == ReviewDecision.RETURN
            ? withReason("报告被决策机关退回修改", "退回意见", s.value(EvaluationVariables.REPORT_RETURN_COMMENTS))
            : approved(s);
        default -> s.name();
      };
      entries.add(new TimelineEntry(s.date(), step));
    }
    return entries;
  }

  /**
   * The people who did the work, each with their unit and the steps they completed, in order of first appearance.
   */
  static List<Contributor> contributors(List<Step> steps, Function<String, String> userName,
      Function<String, String> groupName) {
    Map<String, Set<String>> work = new LinkedHashMap<>();
    Map<String, String[]> people = new LinkedHashMap<>();
    for (Step s : steps) {
      if (!WORK.contains(s.key()) || s.completedBy() == null) {
        continue;
      }
      String id = s.completedBy() + "\u0000" + (s.group() == null ? "" : s.group());
      people.putIfAbsent(id, new String[] {userName.apply(s.completedBy()), s.group() == null ? "" : groupName.apply(s.group())});
      work.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(s.name());
    }
    List<Contributor> result = new ArrayList<>();
    people.forEach((id, who) -> result.add(new Contributor(who[0], who[1], String.join("、", work.get(id)))));
    return result;
  }

  private static String method(Step s) {
    List<String> parts = new ArrayList<>();
    EvaluatorType evaluator = s.value(EvaluationVariables.EVALUATOR_TYPE);
    Procedure procedure = s.value(EvaluationVariables.PROCEDURE_TYPE);
    if (evaluator != null) {
      parts.add(evaluator.label());
    }
    if (procedure != null) {
      // 完整程序（第十条至第十四条） → 完整程序: the articles are in the sentence above the table
      parts.add(procedure.label().replaceAll("（.*）$", ""));
    }
    return s.name() + (parts.isEmpty() ? "" : "：" + String.join("，", parts));
  }

  private static String agency(Step s, String refusal, Function<String, String> agencyName) {
    String id = s.value(EvaluationVariables.AGENCY_ID);
    String name = id == null ? "所选机构" : agencyName.apply(id);
    if (refusal != null) {
      return withReason(s.name() + "：" + name + "不符合受委托条件，重新选择", "原因", refusal);
    }
    return id == null ? s.name() : s.name() + "：委托" + name;
  }

  private static String expert(Step s, Function<String, String> userName) {
    String name = s.completedBy() == null ? null : userName.apply(s.completedBy());
    boolean dissent = s.value(EvaluationVariables.EXPERT_CONCLUSION) == ExpertConclusion.DISAGREE;
    return s.name() + (name == null || name.isBlank() ? "" : "：" + name) + (dissent ? "（不同意报告结论）" : "");
  }

  private static String approved(Step s) {
    String outcome = s.value(EvaluationVariables.EVALUATION_OUTCOME);
    return "决策机关审定通过" + (outcome == null ? "" : "，处理决定：" + EvaluationCodes.label(EvaluationCodes.OUTCOMES, outcome));
  }

  private static String withReason(String text, String label, Object reason) {
    String r = FormValues.text(reason);
    return r == null ? text : text + "；" + label + "：" + ReportText.clause(r);
  }
}
