package cn.jiyuan.decisionreview.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Every failure of the project's API is JSON in the {@link JsonErrors} shape, in Chinese, without a stack trace. */
@RestControllerAdvice(basePackages = "cn.jiyuan.decisionreview")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return respond(HttpStatus.FORBIDDEN, "无权访问该资源。");
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    return respond(status, e.getReason() == null ? status.getReasonPhrase() : e.getReason());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return respond(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName() + "。");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return respond(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的格式不正确。");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /**
   * The database went away (restart, network): nothing was stored and the call can be repeated. Spring's transaction
   * failures (no transaction could begin, the commit failed) are thrown around the controller, not by the engine.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
      ProcessEnginePersistenceException.class, CannotCreateTransactionException.class,
      TransactionSystemException.class})
  ResponseEntity<Map<String, Object>> databaseUnavailable(Exception e) {
    LOG.warn("API 请求访问数据库失败：{}", e.toString());
    return respond(HttpStatus.SERVICE_UNAVAILABLE, EngineErrorMessages.DATABASE_UNAVAILABLE);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    if (DatabaseFailures.unavailable(e)) {
      return databaseUnavailable(e); // e.g. a connection failure wrapped in an exception of a library
    }
    LOG.error("API 请求处理失败", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试或联系管理员。");
  }

  static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
  }
}
