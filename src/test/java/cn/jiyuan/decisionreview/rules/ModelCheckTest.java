package cn.jiyuan.decisionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deploy check's rules, on the project's own files changed the way an analyst might in Modeler. */
class ModelCheckTest {

  static byte[] file(String path) throws IOException {
    return Files.readAllBytes(Path.of(path));
  }

  static byte[] edited(String path, String from, String to) throws IOException {
    String text = Files.readString(Path.of(path));
    assertThat(text).contains(from);
    return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theProjectsTablesMeetTheContract() throws IOException {
    for (String id : ContractDecisions.ids()) {
      assertThat(ModelCheck.check(Map.of("dmn/" + id + ".dmn", file("dmn/" + id + ".dmn")), key -> false)).as(id)
          .isEmpty();
    }
  }

  @Test
  void aContractTableWithAnotherInputOrWithoutAnOutputIsRefused() throws IOException {
    List<String> renamedInput = ModelCheck.check(Map.of("evaluationTrigger.dmn", edited("dmn/evaluationTrigger.dmn",
        "<text>publicOpinionCount</text>", "<text>opinionCount</text>")), key -> false);
    assertThat(renamedInput).anyMatch(p -> p.contains("输入“opinionCount”不在约定的输入之中"))
        .anyMatch(p -> p.contains("缺少约定的输入“publicOpinionCount”"));
    List<String> droppedOutput = ModelCheck.check(Map.of("evaluationSchedule.dmn", edited("dmn/evaluationSchedule.dmn",
        "name=\"dueMonths\"", "name=\"months\"")), key -> false);
    assertThat(droppedOutput).singleElement().asString()
        .startsWith("evaluationSchedule.dmn：决策“evaluationSchedule”（定期评估安排（第十九条））缺少约定的输出“dueMonths”");
  }

  @Test
  void noHistoryTimeToLiveIsRefusedForProcessesAndDecisions() throws IOException {
    List<String> problems = ModelCheck.check(Map.of(
        "a.dmn", edited("dmn/taskDeadline.dmn", "camunda:historyTimeToLive=\"P10958D\"", ""),
        "b.bpmn", edited("processes/measures-revision.bpmn", "camunda:historyTimeToLive=\"P10958D\"", ""),
        "forms/measures-revision.form", file("forms/measures-revision.form")), key -> false);
    assertThat(problems).hasSize(2).allMatch(p -> p.contains("未设置历史记录保存期限（historyTimeToLive）"));
  }

  @Test
  void aFormIsFoundInTheDeploymentOrInTheEngineElseRefused() throws IOException {
    Map<String, byte[]> alone = Map.of("measures-revision.bpmn", file("processes/measures-revision.bpmn"));
    assertThat(ModelCheck.check(alone, key -> key.equals("measures-revision"))).isEmpty();
    assertThat(ModelCheck.check(alone, key -> false)).singleElement().asString()
        .contains("引用的表单“measures-revision”既不在本次部署中，也未部署过");
  }

  @Test
  void aComponentTasklistCannotRenderIsRefused() throws IOException {
    List<String> problems = ModelCheck.check(Map.of("forms/report-progress.form",
        edited("forms/report-progress.form", "\"type\": \"textarea\"", "\"type\": \"filepicker\"")), key -> false);
    assertThat(problems).singleElement().asString().contains("表单组件类型“filepicker”在任务中心（Tasklist 7.24，form-js 1.8.7）中无法显示");
  }

  @Test
  void aModelAgainstItsSchemaIsRefusedWithWhereAndWhyInChinese() throws IOException {
    Map<String, byte[]> all = new java.util.TreeMap<>();
    for (String dir : List.of("processes", "dmn", "forms")) {
      try (var files = Files.list(Path.of(dir))) {
        for (Path f : files.toList()) {
          all.put(dir + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    assertThat(ModelCheck.check(all, key -> false)).as("the project's own models").isEmpty();

    List<String> process = ModelCheck.check(Map.of("measures-revision.bpmn", edited("processes/measures-revision.bpmn",
        "<bpmn:startEvent id=\"", "<bpmn:startEvent id=\"1")), key -> true);
    assertThat(process).singleElement().asString().startsWith("measures-revision.bpmn：不符合 BPMN 2.0 规范（第 ")
        .contains("不是 'NCName' 的有效值");
    List<String> table = ModelCheck.check(Map.of("broken.dmn",
        SchemaOnceParsingTest.DMN_AGAINST_THE_SCHEMA.getBytes(StandardCharsets.UTF_8)), key -> false);
    assertThat(table).singleElement().asString().startsWith("broken.dmn：不符合 DMN 规范（第 ").contains("unknownEntry");
  }
}
