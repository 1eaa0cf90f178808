package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.security.JsonErrors;
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
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The public opinion and summary endpoints' refusals, as JSON in Chinese. Ahead of the project's catch-all
 * ({@code ApiExceptionHandler}), which would make Spring MVC's own exceptions a 500; limited to these
 * controllers, so that it cannot clash with the survey API's advice.
 */
@RestControllerAdvice(assignableTypes = {OpinionController.class, PublishedSummaryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OpinionApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(OpinionApiErrors.class);

  @ExceptionHandler(PublicRefusal.class)
  ResponseEntity<Map<String, Object>> refused(PublicRefusal e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    Map<String, Object> body = JsonErrors.body(status.value(), status.getReasonPhrase(), e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (e.retryAfterSeconds() > 0) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
    }
    return response.body(body);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return refused(PublicRefusal.unsupportedMediaType());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(HttpStatus.NOT_ACCEPTABLE, "本接口只返回 JSON。");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return refused(PublicRefusal.invalid(null, "请求内容不是有效的 JSON。"));
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<Map<String, Object>> database(DataAccessException e) {
    LOG.error("公众参与接口访问数据库失败", e);
    return respond(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试。");
  }

  private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
  }
}
