package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.security.EnginePaths.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnginePathsTest {

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "/engine-rest/task/1/comment/create, ENGINE_REST, task/1/comment/create",
      "/engine-rest/engine/default/task/1, ENGINE_REST, task/1",
      "/engine-rest//task/./1/;x=y/comment, ENGINE_REST, task/1/comment",
      "/engine-rest/task/1;jsessionid=abc/comment/create, ENGINE_REST, task/1/comment/create",
      "/engine-rest/task/%31/comment/create, ENGINE_REST, task/1/comment/create",
      "/engine-rest/task/x/../1/comment, ENGINE_REST, task/1/comment",
      "/camunda/api/engine/engine/default/task/Ab-1/attachment/create, WEBAPP_ENGINE, task/Ab-1/attachment/create",
      "/CAMUNDA/API/ENGINE/engine/default/task, WEBAPP_ENGINE, task"
  })
  void normalisesTheWayTheRestFrameworkMatches(String raw, Api api, String relative) {
    EnginePaths.EngineRequest request = EnginePaths.parse(raw);
    assertThat(request.api()).isEqualTo(api);
    assertThat(request.relativePath()).isEqualTo(relative);
  }

  @ParameterizedTest
  @CsvSource({"/api/me", "/camunda/api/admin/auth/user/default", "/camunda/app/tasklist/", "/"})
  void otherPathsAreNotEngineRequests(String raw) {
    assertThat(EnginePaths.parse(raw)).isNull();
  }
}
