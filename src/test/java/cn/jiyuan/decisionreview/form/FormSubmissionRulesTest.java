package cn.jiyuan.decisionreview.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** Undeclared variables, server-owned variables, length limits and control characters, without an engine. */
class FormSubmissionRulesTest {

  private static final DeclaredForm FORM = DeclaredForm.fromCamundaForm("""
      {"components": [
        {"type": "textfield", "key": "decisionTitle", "label": "决策名称"},
        {"type": "textfield", "key": "agencyName", "label": "机构名称", "validate": {"maxLength": 255}},
        {"type": "textarea", "key": "requestDescription", "label": "申请说明"},
        {"type": "number", "key": "publicOpinionCount", "label": "公众意见数量"},
        {"type": "checklist", "key": "dimensionsInScope", "label": "部分评估的内容"},
        {"type": "dynamiclist", "path": "consultations", "label": "征求意见记录", "components": [
          {"type": "textarea", "key": "summary", "label": "主要情况"},
          {"type": "number", "key": "participants", "label": "参与人数"}
        ]},
        {"type": "textfield", "key": "requestedBy", "label": "申请人"}
      ]}""");

  private static List<String> problems(Map<String, ?> submitted) {
    return FormSubmissionRules.check(submitted, FORM, Set.of("requestedBy")).problems();
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], pairs[i + 1]);
    }
    return vars;
  }

  @Test
  void declaredVariablesPassAndAnythingElseIsRefusedByName() {
    assertThat(problems(vars("decisionTitle", "城市更新专项规划", "publicOpinionCount", 25,
        "requestDescription", "第一段\n第二段\t缩进\r\n"))).isEmpty();
    assertThat(problems(vars("decisionTitle", "x", "evaluatorGroup", "exec-fgw")))
        .containsExactly("表单中没有“evaluatorGroup”一项，不能提交该数据");
    assertThat(problems(Map.of())).isEmpty();
  }

  @Test
  void aWhoDidItVariableIsRefusedEvenWhenAFormDeclaresIt() {
    assertThat(problems(vars("requestedBy", "sifa"))).singleElement().asString()
        .contains("“requestedBy”", "当前登录用户");
  }

  @Test
  void textIsLimitedByTheFieldTypeOrTheFormsMaxLength() {
    assertThat(problems(vars("decisionTitle", "字".repeat(200)))).isEmpty();
    assertThat(problems(vars("decisionTitle", "字".repeat(201))))
        .containsExactly("“决策名称”不能超过 200 个字（现为 201 个字）");
    assertThat(problems(vars("agencyName", "a".repeat(255)))).isEmpty();
    assertThat(problems(vars("agencyName", "a".repeat(256)))).singleElement().asString().contains("255");
    assertThat(problems(vars("requestDescription", "字".repeat(5000)))).isEmpty();
    assertThat(problems(vars("requestDescription", "字".repeat(5001)))).singleElement().asString()
        .contains("“申请说明”不能超过 5000 个字");
    // characters, not UTF-16 units: 200 characters outside the BMP are within the limit
    assertThat(problems(vars("decisionTitle", "𠀀".repeat(200)))).isEmpty();
  }

  @Test
  void controlCharactersAreRefusedAndTextareasKeepLineBreaksAndTabs() {
    assertThat(problems(vars("decisionTitle", "城市\u0000更新"))).containsExactly("“决策名称”含有不允许的控制字符（U+0000）");
    assertThat(problems(vars("decisionTitle", "两行\n标题"))).singleElement().asString().contains("U+000A");
    assertThat(problems(vars("decisionTitle", "a\u007Fb"))).singleElement().asString().contains("U+007F");
    assertThat(problems(vars("decisionTitle", "a\u0085b"))).singleElement().asString().contains("U+0085");
    assertThat(problems(vars("requestDescription", "响铃\u0007"))).singleElement().asString().contains("U+0007");
    assertThat(problems(vars("decisionTitle", "半个\uD800字"))).containsExactly("“决策名称”含有无效字符");
    // a number sent as text is text too
    assertThat(problems(vars("publicOpinionCount", "25\u0000"))).singleElement().asString().contains("“公众意见数量”");
  }

  @Test
  void itemsOfADynamicListAreCheckedFieldByField() {
    Object ok = SpinValues.jsonValue("[{\"summary\":\"入户走访\",\"participants\":60}]").create();
    assertThat(problems(vars("consultations", ok))).isEmpty();

    Object tooLong = SpinValues.jsonValue("[{\"summary\":\"好\"},{\"summary\":\"" + "长".repeat(5001) + "\"}]").create();
    assertThat(problems(vars("consultations", tooLong))).singleElement().asString()
        .startsWith("“征求意见记录”第 2 项的“主要情况”不能超过 5000 个字");

    List<Map<String, Object>> extra = List.of(Map.of("summary", "x", "evaluatorGroup", "exec-fgw"));
    assertThat(problems(vars("consultations", extra)))
        .containsExactly("“征求意见记录”第 1 项含有表单中没有的一项“evaluatorGroup”");

    assertThat(problems(vars("consultations", Variables.stringValue("not json")))).containsExactly("“征求意见记录”不是有效的列表数据");
    assertThat(problems(vars("consultations", SpinValues.jsonValue("[[[").create())))
        .containsExactly("“征求意见记录”不是有效的数据");
  }

  @Test
  void choicesOfAChecklistAreLines() {
    assertThat(problems(vars("dimensionsInScope", SpinValues.jsonValue("[\"LEGALITY\",\"EXECUTION\"]").create()))).isEmpty();
    assertThat(problems(vars("dimensionsInScope", List.of("LEGALITY", "EXEC\u0000")))).singleElement().asString()
        .contains("“部分评估的内容”", "U+0000");
  }

  @Test
  void aFilesNameIsText() {
    DeclaredForm html = EmbeddedFormHtml.parse(
        "<label for=f>材料文件 1</label><input id=f type=file cam-variable-name=materialFile1 cam-variable-type=File>");
    Object file = Variables.fileValue("台账\u0000.pdf").file(new ByteArrayInputStream(new byte[] {1})).create();
    assertThat(FormSubmissionRules.check(vars("materialFile1", file), html, Set.of()).problems()).singleElement()
        .asString().contains("“材料文件 1”的文件名", "U+0000");
    Object fine = Variables.fileValue("台账.pdf").file(new ByteArrayInputStream(new byte[] {1})).create();
    assertThat(FormSubmissionRules.check(vars("materialFile1", fine), html, Set.of()).problems()).isEmpty();
  }

  @Test
  void aFloodOfProblemsIsSummarised() {
    Map<String, Object> flood = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      flood.put("v" + i, i);
    }
    List<String> problems = problems(flood);
    assertThat(problems).hasSize(FormSubmissionRules.MAX_PROBLEMS + 1);
    assertThat(problems.get(problems.size() - 1)).isEqualTo("另有 490 处不符合要求");
  }
}
