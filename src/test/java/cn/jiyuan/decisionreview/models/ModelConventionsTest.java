package cn.jiyuan.decisionreview.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelConventionsTest {

  @Test
  void theProjectsModelsFollowTheConventions() throws Exception {
    assertThat(ModelConventions.check(Path.of("."))).isEmpty();
  }

  @Test
  void theCheckerCatchesEachKindOfMistake() throws Exception {
    List<String> problems = ModelConventions.check(Path.of("src/test/resources/model-fixtures/bad"));
    assertThat(problems).anyMatch(p -> p.contains("process id 'something-else' differs from the file name"));
    assertThat(problems).anyMatch(p -> p.contains("未设置历史记录保存期限（historyTimeToLive）") && p.contains("bad-process"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_PathKey' uses a path-based camunda-forms key"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_NoBinding' has formRef without formRefBinding=\"latest\""));
    assertThat(problems).anyMatch(p -> p.contains("businessRuleTask 'Task_DeploymentBinding' binds its decision with 'deployment'"));
    assertThat(problems).anyMatch(p -> p.contains("Task_MissingForm") && p.contains("引用的表单“no-such-form”既不在本次部署中"));
    assertThat(problems).anyMatch(p -> p.contains("userTask 'Task_NoForm' has no form"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_NoShape' has no diagram shape"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_NoForm' does not cite the article"));
    assertThat(problems).anyMatch(p -> p.contains("shapes") && p.contains("overlap"));
    assertThat(problems).anyMatch(p -> p.contains("表单组件类型“filepicker”在任务中心（Tasklist 7.24，form-js 1.8.7）中无法显示"));
    assertThat(problems).anyMatch(p -> p.contains("form id 'another-id' differs from the file name 'bad-form'"));
    assertThat(problems).anyMatch(p -> p.contains("决策“bad-decision”未设置历史记录保存期限"));
  }
}
