package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.form.FormRefusal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The refusals of 登记重大行政决策, one row per bad value. */
class RegistrationRulesTest {

  static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put(DECISION_NUMBER.name(), "济政〔2026〕3号");
    v.put(DECISION_TITLE.name(), "济源市促进民营经济高质量发展若干政策措施");
    v.put(DECISION_CATEGORY.name(), "REFORM");
    v.put(BROAD_IMPACT.name(), true);
    v.put(IMPLEMENTATION_START.name(), "2026-07-01");
    v.put(IMPLEMENTATION_END.name(), "2031-06-30");
    v.put(EXECUTING_UNIT.name(), "exec-fgw");
    v.put(SUPERIOR_MANDATED.name(), false);
    return v;
  }

  static FormRefusal check(Map<String, Object> vars) {
    return RegistrationRules.check(vars::get, "exec-fgw"::equals);
  }

  @Test
  void aValidRegistrationPasses() {
    assertThat(check(valid()).problems()).isEmpty();
    Map<String, Object> v = valid();
    v.put(DECISION_NUMBER.name(), "济政 [2026] ３号");
    v.put(BROAD_IMPACT.name(), "false");
    v.put(SUPERIOR_MANDATED.name(), null);
    v.put(ASSISTING_SUPERIOR.name(), "true");
    v.put(IMPLEMENTATION_END.name(), "");
    v.put(IMPLEMENTATION_START.name(), "2026-07-01T00:00:00");
    assertThat(check(v).problems()).isEmpty();
  }

  @Test
  void aOneDayTermPassesAndEveryProblemIsReportedAtOnce() {
    Map<String, Object> v = valid();
    v.put(IMPLEMENTATION_END.name(), "2026-07-01");
    assertThat(check(v).problems()).isEmpty();
    v.put(DECISION_TITLE.name(), " ");
    v.put(DECISION_CATEGORY.name(), "reform");
    v.put(EXECUTING_UNIT.name(), "legal-affairs");
    assertThat(check(v).problems()).hasSize(3);
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        // the number
        Arguments.of(DECISION_NUMBER.name(), null, "请填写决策文号"),
        Arguments.of(DECISION_NUMBER.name(), "！！！", "只能由汉字、字母、数字"),
        Arguments.of(DECISION_NUMBER.name(), "〔〕", "括号只用于四位数字的年份"),
        Arguments.of(DECISION_NUMBER.name(), "济政\u0000〔2026〕3号", "控制字符"),
        Arguments.of(DECISION_NUMBER.name(), "济政〔2026〕3号\r\n", "控制字符"),
        Arguments.of(DECISION_NUMBER.name(), "济政", "应包含发文序号"),
        Arguments.of(DECISION_NUMBER.name(), "济".repeat(101) + "1", "不能超过 100 字"),
        // the title
        Arguments.of(DECISION_TITLE.name(), null, "请填写决策名称"),
        Arguments.of(DECISION_TITLE.name(), "  ", "请填写决策名称"),
        Arguments.of(DECISION_TITLE.name(), "方".repeat(201), "不超过 200 字"),
        Arguments.of(DECISION_TITLE.name(), "方案\u0000", "决策名称不能包含控制字符"),
        Arguments.of(DECISION_TITLE.name(), "\u0000方案", "决策名称不能包含控制字符"),
        Arguments.of(DECISION_TITLE.name(), "方\u0007案", "决策名称不能包含控制字符"),
        Arguments.of(DECISION_TITLE.name(), "方案\n第二行", "决策名称不能包含控制字符"),
        Arguments.of(DECISION_TITLE.name(), "\u202e案方", "决策名称不能包含控制字符"),
        // codes
        Arguments.of(DECISION_CATEGORY.name(), "SPACE_PROGRAM", "决策类别无效"),
        Arguments.of(EXECUTING_UNIT.name(), "exec-nowhere", "执行单位不存在"),
        // booleans: only true/false
        Arguments.of(BROAD_IMPACT.name(), "maybe", "“对公民权利义务发生普遍影响或群众普遍关注”只能为是或否"),
        Arguments.of(BROAD_IMPACT.name(), "yes", "只能为是或否"),
        Arguments.of(BROAD_IMPACT.name(), "1", "只能为是或否"),
        Arguments.of(BROAD_IMPACT.name(), 1, "只能为是或否"),
        Arguments.of(BROAD_IMPACT.name(), "TRUE", "只能为是或否"),
        Arguments.of(SUPERIOR_MANDATED.name(), "maybe", "“执行上级改革任务或落实上级政策部署”只能为是或否"),
        Arguments.of(ASSISTING_SUPERIOR.name(), 0, "“接受上级委任或根据上级要求协助评估”只能为是或否"),
        // dates: strict uuuu-MM-dd, 1949-10-01 to 2100-12-31
        Arguments.of(IMPLEMENTATION_START.name(), null, "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_START.name(), "0000-01-01", "1949-10-01 至 2100-12-31"),
        Arguments.of(IMPLEMENTATION_START.name(), "2026-13-01", "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_START.name(), "2026-02-30", "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_START.name(), "1949-09-30", "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_START.name(), "2101-01-01", "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_START.name(), "2026-7-1", "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_START.name(), new java.util.Date(), "请填写有效的执行开始日期"),
        Arguments.of(IMPLEMENTATION_END.name(), "2026-13-01", "执行结束日期无效"),
        Arguments.of(IMPLEMENTATION_END.name(), "9999-12-31", "执行结束日期无效"),
        Arguments.of(IMPLEMENTATION_END.name(), "2026-06-30", "执行结束日期不能早于开始日期"));
  }

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @MethodSource("badValues")
  void eachBadValueIsRefusedInChinese(String field, Object value, String message) {
    Map<String, Object> v = valid();
    v.put(field, value);
    FormRefusal refusal = check(v);
    assertThat(refusal.problems()).as(field).hasSize(1).first().asString().contains(message);
    // refusals never echo what was typed: it may hold control characters
    assertThat(refusal.problems().get(0)).doesNotContain("\u0000", "\n", "\u202e", "\u0007");
  }
}
