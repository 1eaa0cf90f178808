package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrQueryExpressionFilterTest {

  @ParameterizedTest(name = "{0} → rejected={1}")
  @CsvSource(delimiter = '|', value = {
      "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}|true",
      "{\"query\":{\"orQueries\":[{\"dueBeforeExpression\":\"${x}\"}]}}|true",
      "{\"orQueries\":[{\"candidateGroupsExpression\":\"${x}\"},{\"assignee\":\"a\"}]}|true",
      "{\"ORQUERIES\":[{\"ownerEXPRESSION\":\"${x}\"}]}|true",
      "{\"orQueries\":[{\"assignee\":\"sifa\"}]}|false",
      "{\"assigneeExpression\":\"${currentUser()}\"}|false",
      "{\"orQueries\":[]}|false",
      "not json at all|false",
      "[]|false"
  })
  void detectsExpressionsOnlyInsideOrQueries(String body, boolean rejected) {
    assertThat(OrQueryExpressionFilter.carriesOrQueryExpression(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(rejected);
  }
}
