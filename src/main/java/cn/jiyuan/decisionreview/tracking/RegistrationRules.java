package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.form.FormValues;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Predicate;

/** The refusals of 登记重大行政决策 (issue 4 item 1), pure; the same for Tasklist and /engine-rest. */
public final class RegistrationRules {

  private RegistrationRules() {}

  public static FormRefusal check(Function<String, Object> var, Predicate<String> executingUnitExists,
      Predicate<String> alreadyTracked) {
    FormRefusal r = new FormRefusal();
    String number = FormValues.text(var.apply(DECISION_NUMBER));
    r.require(number != null && number.length() <= 100, DECISION_NUMBER, "请填写决策文号（不超过 100 字）");
    if (number != null && alreadyTracked.test(number)) {
      r.add(DECISION_NUMBER, "决策文号“" + number + "”已在跟踪中，不能重复登记");
    }
    String title = FormValues.text(var.apply(DECISION_TITLE));
    r.require(title != null && title.length() <= 200, DECISION_TITLE, "请填写决策名称（不超过 200 字）");
    String category = FormValues.text(var.apply(DECISION_CATEGORY));
    r.require(TrackingCodes.CATEGORIES.containsKey(category), DECISION_CATEGORY,
        "决策类别“" + (category == null ? "" : category) + "”无效，须为重大改革事项、重大政策、重大规划或其他");
    LocalDate start = FormValues.date(var.apply(IMPLEMENTATION_START));
    r.require(start != null, IMPLEMENTATION_START, "请填写有效的执行开始日期（YYYY-MM-DD）");
    Object rawEnd = var.apply(IMPLEMENTATION_END);
    LocalDate end = FormValues.date(rawEnd);
    r.require(FormValues.isBlank(rawEnd) || end != null, IMPLEMENTATION_END, "执行结束日期格式无效（YYYY-MM-DD），长期执行的请留空");
    if (start != null && end != null) {
      r.require(!end.isBefore(start), IMPLEMENTATION_END, "执行结束日期不能早于开始日期");
    }
    String unit = FormValues.text(var.apply(EXECUTING_UNIT));
    r.require(unit != null && executingUnitExists.test(unit), EXECUTING_UNIT,
        "执行单位“" + (unit == null ? "" : unit) + "”不存在，须为已登记的执行单位用户组（exec-）");
    return r;
  }
}
