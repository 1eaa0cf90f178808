package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.security.ErrorTexts;
import cn.jiyuan.decisionreview.security.JsonErrors;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refusals of the public API as {@code {"message": <Chinese>}}. Ahead of the project-wide {@code ApiExceptionHandler},
 * whose catch-all would turn Spring MVC's own refusals (wrong method or content type, an unreadable body) into a
 * 500; only those and {@link PublicRefusal} are handled here, everything else still goes there.
 */
@RestControllerAdvice(basePackageClasses = PublicApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PublicApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PublicApiErrors.class);

  @ExceptionHandler(PublicRefusal.class)
  ResponseEntity<Map<String, Object>> refused(PublicRefusal e) {
    Map<String, Object> body = body(e.status(), e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    if (!e.problems().isEmpty()) {
      body.put("errors", e.problems().stream().map(p -> {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("questionId", p.questionId());
        problem.put("message", p.message());
        return problem;
      }).toList());
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
    Duration retryAfter = e.retryAfter();
    if (retryAfter != null) {
      answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    }
    return answer.body(body);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json（UTF-8）提交。");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return respond(HttpStatus.METHOD_NOT_ALLOWED, "该地址不支持此请求方法。");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return respond(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON。");
  }

  /** The database is unavailable or busy: the citizen can try again; nothing was stored. */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<Map<String, Object>> database(DataAccessException e) {
    LOG.error("公众参与接口访问数据库失败", e);
    return respond(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试。");
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    return respond(status, e.getReason() != null ? e.getReason()
        : ErrorTexts.forStatus(status.value()));
  }

  /**
   * Spring MVC's other refusals (not acceptable, a missing parameter, no such resource, …): their own status, a
   * Chinese text for it.
   */
  @ExceptionHandler({ServletException.class, ErrorResponseException.class})
  ResponseEntity<Map<String, Object>> spring(Exception e) {
    if (!(e instanceof ErrorResponse error)) {
      LOG.error("公众接口请求处理失败", e);
      return respond(HttpStatus.INTERNAL_SERVER_ERROR, ErrorTexts.forStatus(500));
    }
    HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
    return respond(status, ErrorTexts.forStatus(status.value()));
  }

  static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(body(status, message));
  }

  static Map<String, Object> body(HttpStatus status, String message) {
    return new LinkedHashMap<>(JsonErrors.body(status.value(),
        status.getReasonPhrase(), message));
  }
}
