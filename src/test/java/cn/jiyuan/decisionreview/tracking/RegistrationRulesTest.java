package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.form.FormRefusal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The refusals of 登记重大行政决策 (issue 4 item 1, issue 9 item 8), one row per bad value. */
class RegistrationRulesTest {

  static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put("decisionNumber", "济政〔2026〕3号");
    v.put("decisionTitle", "济源市促进民营经济高质量发展若干政策措施");
    v.put("decisionCategory", "REFORM");
    v.put("broadImpact", true);
    v.put("implementationStart", "2026-07-01");
    v.put("implementationEnd", "2031-06-30");
    v.put("executingUnit", "exec-fgw");
    v.put("superiorMandated", false);
    return v;
  }

  static FormRefusal check(Map<String, Object> vars) {
    return RegistrationRules.check(vars::get, "exec-fgw"::equals);
  }

  @Test
  void aValidRegistrationPasses() {
    assertThat(check(valid()).problems()).isEmpty();
    Map<String, Object> v = valid();
    v.put("decisionNumber", "济政 [2026] ３号");
    v.put("broadImpact", "false");
    v.put("superiorMandated", null);
    v.put("assistingSuperior", "true");
    v.put("implementationEnd", "");
    v.put("implementationStart", "2026-07-01T00:00:00");
    assertThat(check(v).problems()).isEmpty();
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        // the number
        Arguments.of("decisionNumber", null, "请填写决策文号"),
        Arguments.of("decisionNumber", "！！！", "只能由汉字、字母、数字"),
        Arguments.of("decisionNumber", "〔〕", "括号只用于四位数字的年份"),
        Arguments.of("decisionNumber", "济政\u0000〔2026〕3号", "控制字符"),
        Arguments.of("decisionNumber", "济政〔2026〕3号\r\n", "控制字符"),
        Arguments.of("decisionNumber", "济政", "应包含发文序号"),
        Arguments.of("decisionNumber", "济".repeat(101) + "1", "不能超过 100 字"),
        // the title
        Arguments.of("decisionTitle", null, "请填写决策名称"),
        Arguments.of("decisionTitle", "  ", "请填写决策名称"),
        Arguments.of("decisionTitle", "方".repeat(201), "不超过 200 字"),
        Arguments.of("decisionTitle", "方案\u0000", "决策名称不能包含控制字符"),
        Arguments.of("decisionTitle", "\u0000方案", "决策名称不能包含控制字符"),
        Arguments.of("decisionTitle", "方\u0007案", "决策名称不能包含控制字符"),
        Arguments.of("decisionTitle", "方案\n第二行", "决策名称不能包含控制字符"),
        Arguments.of("decisionTitle", "\u202e案方", "决策名称不能包含控制字符"),
        // codes
        Arguments.of("decisionCategory", "SPACE_PROGRAM", "决策类别无效"),
        Arguments.of("executingUnit", "exec-nowhere", "执行单位不存在"),
        // booleans: only true/false
        Arguments.of("broadImpact", "maybe", "“对公民权利义务发生普遍影响或群众普遍关注”只能为是或否"),
        Arguments.of("broadImpact", "yes", "只能为是或否"),
        Arguments.of("broadImpact", "1", "只能为是或否"),
        Arguments.of("broadImpact", 1, "只能为是或否"),
        Arguments.of("broadImpact", "TRUE", "只能为是或否"),
        Arguments.of("superiorMandated", "maybe", "“执行上级改革任务或落实上级政策部署”只能为是或否"),
        Arguments.of("assistingSuperior", 0, "“接受上级委任或根据上级要求协助评估”只能为是或否"),
        // dates: strict uuuu-MM-dd, 1949-10-01 to 2100-12-31
        Arguments.of("implementationStart", null, "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", "0000-01-01", "1949-10-01 至 2100-12-31"),
        Arguments.of("implementationStart", "2026-13-01", "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", "2026-02-30", "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", "1949-09-30", "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", "2101-01-01", "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", "2026-7-1", "请填写有效的执行开始日期"),
        Arguments.of("implementationStart", new java.util.Date(), "请填写有效的执行开始日期"),
        Arguments.of("implementationEnd", "2026-13-01", "执行结束日期无效"),
        Arguments.of("implementationEnd", "9999-12-31", "执行结束日期无效"),
        Arguments.of("implementationEnd", "2026-06-30", "执行结束日期不能早于开始日期"));
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
