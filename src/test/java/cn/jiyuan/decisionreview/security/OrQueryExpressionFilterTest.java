package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.security.OrQueryExpressionFilter.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrQueryExpressionFilterTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}|EXPRESSION",
      "{\"query\":{\"orQueries\":[{\"dueBeforeExpression\":\"${x}\"}]}}|EXPRESSION",
      "{\"orQueries\":[{\"candidateGroupsExpression\":\"${x}\"},{\"assignee\":\"a\"}]}|EXPRESSION",
      "{\"ORQUERIES\":[{\"ownerEXPRESSION\":\"${x}\"}]}|EXPRESSION",
      "{\"or\\u0051ueries\":[{\"assignee\\u0045xpression\":\"${x}\"}]}|EXPRESSION",
      "{\"orQueries\":[{\"assignee\":\"sifa\"}]}|OK",
      "{\"assigneeExpression\":\"${currentUser()}\"}|OK",
      "{\"orQueries\":[]}|OK",
      "[]|OK",
      "'   '|OK",
      "not json at all|NOT_JSON",
      "{\"orQueries\":[{\"assignee\":\"x\"}]|NOT_JSON",
      "{\"a\":1} {\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}|NOT_JSON",
      "{\"orQueries\":[],\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}|NOT_JSON",
      "{\"maxPriority\":1234567890123456789012345678901234567890}|TOO_DEEP"
  })
  void inspectsTaskQueriesAndFailsClosed(String body, Verdict verdict) {
    assertThat(OrQueryExpressionFilter.inspect(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(verdict);
  }

  @ParameterizedTest(name = "nested {0} levels → {1}")
  @CsvSource({"5, OK", "19, OK", "21, TOO_DEEP", "1200, TOO_DEEP"})
  void refusesDeepNesting(int depth, Verdict verdict) {
    String body = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    assertThat(OrQueryExpressionFilter.inspect(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(verdict);
  }

  @ParameterizedTest(name = "{0} {1} → inspected={2}")
  @CsvSource({
      "POST, /engine-rest/task, true",
      "POST, /engine-rest/task/, true",
      "POST, /engine-rest/task;jsessionid=1, true",
      "POST, /engine-rest//task/count, true",
      "POST, /engine-rest/engine/default/task, true",
      "POST, /engine-rest/TASK/Count, true",
      "POST, /engine-rest/filter/create, true",
      "PUT, /engine-rest/filter/abc, true",
      "POST, /engine-rest/filter/abc/list, true",
      "POST, /engine-rest/%66ilter/abc/count, true",
      "POST, /camunda/api/engine/engine/default/task, true",
      "POST, /camunda/api/engine/engine/default/filter/abc/list, true",
      "GET, /engine-rest/task, false",
      "POST, /engine-rest/task/abc/submit-form, false",
      "POST, /engine-rest/task/abc/complete, false",
      "POST, /engine-rest/process-definition/key/x/submit-form, false",
      "POST, /camunda/api/engine/engine/default/task/abc/submit-form, false",
      "POST, /api/decisions, false"
  })
  void inspectsOnlyTheEndpointsThatTakeTaskQueries(String method, String path, boolean inspected) {
    EnginePaths.EngineRequest request = EnginePaths.parse(path);
    assertThat(request != null && OrQueryExpressionFilter.inspects(method, request)).isEqualTo(inspected);
  }
}
