package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that is away is a 503 with one Chinese message on every surface — the project's API, the engine REST
 * API (its exception mappers and the response translation), the container's error page for what a filter threw —
 * and only such a failure: a refusal or a programming error keeps its own answer.
 */
class DatabaseFailuresTest {

  private static final String MESSAGE = "数据库暂时无法访问，本次操作未保存，请稍后重试。";

  /** PostgreSQL went away between the statements and the commit, and the rollback failed too (.ci/cluster e). */
  private static TransactionSystemException commitFailed() {
    TransactionSystemException failed = new TransactionSystemException("Commit exception overridden by rollback "
        + "exception", new SQLException("This connection has been closed.", "08003"));
    failed.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    return failed;
  }

  @Test
  void springsTransactionFailuresAndConnectionFailuresAnywhereInTheCausesAreTheDatabaseBeingAway() {
    assertThat(DatabaseFailures.unavailable(commitFailed())).isTrue();
    assertThat(DatabaseFailures.unavailable(new TransactionSystemException("JDBC commit failed"))).isTrue();
    assertThat(DatabaseFailures.unavailable(new CannotCreateTransactionException("Could not open JDBC Connection "
        + "for transaction", new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    assertThat(DatabaseFailures.unavailable(new ProcessEngineException("ENGINE-03004 Exception while executing "
        + "Database Operation", new UncategorizedSQLException("insert", "INSERT …", new SQLException("terminating "
        + "connection due to administrator command", "57P01"))))).isTrue();
    assertThat(DatabaseFailures.unavailable(new IllegalStateException("wrapped",
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("x", "08001",
            new ConnectException("Connection refused")))))).isTrue();
    SQLException chained = new SQLException("batch failed", "XX000");
    chained.setNextException(new SQLException("connection closed", "08006"));
    assertThat(DatabaseFailures.unavailable(new RuntimeException(chained))).isTrue();
    assertThat(DatabaseFailures.unavailable(new SQLException("Database is already closed", "90098", 90098))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseFailures.unavailable(null)).isFalse();
    assertThat(DatabaseFailures.unavailable(new IllegalStateException("boom"))).isFalse();
    assertThat(DatabaseFailures.unavailable(new DuplicateKeyException("dr_decision_pk"))).isFalse();
    assertThat(DatabaseFailures.unavailable(new ProcessEngineException("ENGINE-03004", new SQLException("unique "
        + "constraint violated", "23505")))).isFalse();
    RuntimeException loop = new RuntimeException("self");
    assertThat(DatabaseFailures.unavailable(new RuntimeException(loop))).isFalse();
  }

  @Test
  void theProjectApiAnswers503ForSpringsTransactionFailuresAndWrappedConnectionFailures() {
    ApiExceptionHandler handler = new ApiExceptionHandler();
    for (var answer : java.util.List.of(handler.databaseUnavailable(commitFailed()),
        handler.databaseUnavailable(new CannotCreateTransactionException("Could not open JDBC Connection")),
        handler.unexpected(new IllegalStateException("wrapped", commitFailed())))) {
      assertThat(answer.getStatusCode().value()).isEqualTo(503);
      assertThat(answer.getBody()).containsEntry("message", MESSAGE);
    }
    assertThat(handler.unexpected(new IllegalStateException("boom")).getStatusCode().value()).isEqualTo(500);
  }

  @Test
  void theEngineRestMappersAnswer503WhenTheCauseIsTheDatabaseAndAsCamundaOtherwise() {
    Response away = new DatabaseUnavailableExceptionMapper().toResponse(new ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.", new SQLException("x", "08006")));
    assertThat(away.getStatus()).isEqualTo(503);
    assertThat(((ExceptionDto) away.getEntity()).getMessage()).isEqualTo(MESSAGE);
    Response other = new DatabaseUnavailableExceptionMapper().toResponse(new ProcessEngineException("ENGINE-1 other"));
    assertThat(other.getStatus()).isEqualTo(500);
    assertThat(((ExceptionDto) other.getEntity()).getMessage()).isEqualTo("ENGINE-1 other");

    Response start = new RestValidationExceptionMapper().toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("x", commitFailed()), "Cannot instantiate process definition decision-tracking:1: x"));
    assertThat(start.getStatus()).isEqualTo(503);
    assertThat(((ExceptionDto) start.getEntity()).getMessage()).isEqualTo(MESSAGE);
    // and the response translation keeps it a 503 (a Chinese reason is otherwise a refusal, 400)
    assertThat(EngineErrorMessages.translate(503, "ServerError", MESSAGE).status()).isEqualTo(503);
  }

  @Test
  void whatAFilterThrewWhileTheDatabaseWasAwayIsA503OnTheErrorPage() throws Exception {
    ChineseErrorController controller = new ChineseErrorController();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/engine-rest/process-definition/key/x/submit-form");
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new CannotCreateTransactionException("Could not open JDBC "
        + "Connection for transaction"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    controller.error(request, response);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(MESSAGE)
        .contains("\"type\":\"ServerError\"");

    MockHttpServletRequest api = new MockHttpServletRequest("GET", "/error");
    api.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    api.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/decisions");
    api.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("x", commitFailed()));
    MockHttpServletResponse apiResponse = new MockHttpServletResponse();
    controller.error(api, apiResponse);
    assertThat(apiResponse.getStatus()).isEqualTo(503);
    assertThat(apiResponse.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(MESSAGE);

    MockHttpServletRequest other = new MockHttpServletRequest("GET", "/error");
    other.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    other.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/decisions");
    other.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom"));
    MockHttpServletResponse otherResponse = new MockHttpServletResponse();
    controller.error(other, otherResponse);
    assertThat(otherResponse.getStatus()).isEqualTo(500);
  }

  @Test
  void theWebappsOwnApiPassesEveryOtherErrorOnUnchanged() throws Exception {
    EngineErrorTranslationFilter filter = new EngineErrorTranslationFilter(true);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/cockpit/plugin/x");
    MockHttpServletResponse response = new MockHttpServletResponse();
    byte[] body = "{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-1 other\"}".getBytes();
    filter.doFilter(request, response, (req, res) -> {
      ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
      res.setContentType("application/json");
      res.getOutputStream().write(body);
    });
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsByteArray()).isEqualTo(body);

    MockHttpServletResponse away = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/camunda/api/cockpit/plugin/x"), away, (req, res) -> {
      ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
      res.setContentType("application/json");
      res.getOutputStream().write(("{\"type\":\"TransactionSystemException\",\"message\":\"Commit exception "
          + "overridden by rollback exception\"}").getBytes());
    });
    assertThat(away.getStatus()).isEqualTo(503);
    assertThat(away.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(MESSAGE);
  }
}
