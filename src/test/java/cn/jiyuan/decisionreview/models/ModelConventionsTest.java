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
    assertThat(problems).anyMatch(p -> p.contains("has no camunda:historyTimeToLive") && p.contains("bad-process"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_PathKey' uses a path-based camunda-forms key"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_NoBinding' has formRef without formRefBinding"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_MissingForm' references form 'no-such-form'"));
    assertThat(problems).anyMatch(p -> p.contains("userTask 'Task_NoForm' has no form"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_NoShape' has no diagram shape"));
    assertThat(problems).anyMatch(p -> p.contains("'Task_NoForm' does not cite the article"));
    assertThat(problems).anyMatch(p -> p.contains("shapes") && p.contains("overlap"));
    assertThat(problems).anyMatch(p -> p.contains("component type 'filepicker' cannot be rendered"));
    assertThat(problems).anyMatch(p -> p.contains("form id 'another-id' differs from the file name 'bad-form'"));
    assertThat(problems).anyMatch(p -> p.contains("decision 'bad-decision' has no camunda:historyTimeToLive"));
  }
}
