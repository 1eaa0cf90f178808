package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.FormValues;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The refusals of 登记重大行政决策, pure, so that Tasklist and /engine-rest refuse the same values (the server trusts no
 * client).
 * That a number is not tracked already is not a rule here: the primary key of {@code dr_decision} decides it,
 * in the registration's own transaction ({@link TrackedDecisions#claim}).
 */
public final class RegistrationRules {

  static final int MAX_TITLE_LENGTH = 200;

  /** The optional checkboxes of the form, with their labels. */
  static final Map<String, String> CHECKBOXES = EvaluationCodes.ordered(
      BROAD_IMPACT.name(), "对公民权利义务发生普遍影响或群众普遍关注",
      SUPERIOR_MANDATED.name(), "执行上级改革任务或落实上级政策部署",
      ASSISTING_SUPERIOR.name(), "接受上级委任或根据上级要求协助评估");

  static final String DATE_RANGE = FormValues.MIN_DATE + " 至 " + FormValues.MAX_DATE;

  private RegistrationRules() {}

  public static FormRefusal check(Function<String, Object> var, Predicate<String> executingUnitExists) {
    FormRefusal r = new FormRefusal();
    try {
      DecisionNumber.parse(var.apply(DECISION_NUMBER.name()));
    } catch (DecisionNumber.Invalid e) {
      r.add(DECISION_NUMBER.name(), e.getMessage());
    }
    Object rawTitle = var.apply(DECISION_TITLE.name());
    String title = FormValues.text(rawTitle);
    r.require(title != null && title.length() <= MAX_TITLE_LENGTH, DECISION_TITLE.name(),
        "请填写决策名称（不超过 " + MAX_TITLE_LENGTH + " 字）");
    r.require(rawTitle == null || !FormValues.hasControlCharacters(rawTitle.toString()), DECISION_TITLE.name(),
        "决策名称不能包含控制字符或不可见字符");
    String category = FormValues.text(var.apply(DECISION_CATEGORY.name()));
    r.require(TrackingCodes.CATEGORIES.containsKey(category), DECISION_CATEGORY.name(),
        "决策类别无效，须为重大改革事项、重大政策、重大规划或其他");
    CHECKBOXES.forEach((name, label) -> r.require(FormValues.isBooleanOrBlank(var.apply(name)), name,
        "“" + label + "”只能为是或否（true 或 false）"));
    LocalDate start = FormValues.date(var.apply(IMPLEMENTATION_START.name()));
    r.require(start != null, IMPLEMENTATION_START.name(),
        "请填写有效的执行开始日期（YYYY-MM-DD，" + DATE_RANGE + "）");
    Object rawEnd = var.apply(IMPLEMENTATION_END.name());
    LocalDate end = FormValues.date(rawEnd);
    r.require(FormValues.isBlank(rawEnd) || end != null, IMPLEMENTATION_END.name(),
        "执行结束日期无效（YYYY-MM-DD，" + DATE_RANGE + "），长期执行的请留空");
    if (start != null && end != null) {
      r.require(!end.isBefore(start), IMPLEMENTATION_END.name(), "执行结束日期不能早于开始日期");
    }
    String unit = FormValues.text(var.apply(EXECUTING_UNIT.name()));
    r.require(unit != null && executingUnitExists.test(unit), EXECUTING_UNIT.name(),
        "执行单位不存在，须为已登记的执行单位用户组（exec-）");
    return r;
  }
}
