package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void aDatabaseThatIsAwayIsA503InChineseNotA500() {
    for (Exception away : new Exception[] {new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
        new ProcessEnginePersistenceException("An exception occurred in the persistence layer.", null)}) {
      var answer = handler.databaseUnavailable(away);
      assertThat(answer.getStatusCode().value()).isEqualTo(503);
      assertThat(answer.getBody()).containsEntry("message", "数据库暂时无法访问，本次操作未保存，请稍后重试。");
    }
  }
}
