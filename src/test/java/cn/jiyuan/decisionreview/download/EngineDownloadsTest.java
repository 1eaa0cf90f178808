package cn.jiyuan.decisionreview.download;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.download.EngineDownloads.Target;
import org.junit.jupiter.api.Test;

class EngineDownloadsTest {

  @Test
  void theEnginesFileEndpointsAreRecognisedOnBothApis() {
    assertThat(EngineDownloads.parse("/engine-rest/task/t1/variables/evaluationReport/data"))
        .contains(new Target("task", "t1", "evaluationReport"));
    assertThat(EngineDownloads.parse("/camunda/api/engine/engine/default/process-instance/p1/variables/r/data"))
        .contains(new Target("process-instance", "p1", "r"));
    assertThat(EngineDownloads.parse("/engine-rest/execution/e1/localVariables/r/data"))
        .contains(new Target("execution", "e1", "r"));
    assertThat(EngineDownloads.parse("/engine-rest/variable-instance/v1/data"))
        .contains(new Target("variable-instance", "v1", null));
    assertThat(EngineDownloads.parse("/engine-rest/history/variable-instance/v1/data"))
        .contains(new Target("history/variable-instance", "v1", null));
    assertThat(EngineDownloads.parse("/engine-rest/task/t1/variables/r")).isEmpty();
    assertThat(EngineDownloads.parse("/engine-rest/task/t1/data")).isEmpty();
    assertThat(EngineDownloads.parse("/engine-rest/variable-instance/v1/variables/r/data")).isEmpty();
    assertThat(EngineDownloads.parse("/api/evaluations/p1/report")).isEmpty();
  }
}
