package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public API's error answers: Spring MVC's own refusals (which the project-wide catch-all would make a 500 of,
 * e.g. for a controller of this package that takes a {@code @RequestBody}) keep their status with a Chinese message.
 */
class PublicApiErrorsTest {

  final PublicApiErrors errors = new PublicApiErrors();

  static void assertChinese(ResponseEntity<Map<String, Object>> answer, HttpStatus status) {
    assertThat(answer.getStatusCode()).isEqualTo(status);
    assertThat((String) answer.getBody().get("message")).containsPattern("\\p{IsHan}");
  }

  @Test
  void springMvcRefusalsKeepTheirStatus() {
    assertChinese(errors.mediaType(new HttpMediaTypeNotSupportedException("text/plain")),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertChinese(errors.method(new HttpRequestMethodNotSupportedException("PUT")), HttpStatus.METHOD_NOT_ALLOWED);
    assertChinese(errors.unreadable(new HttpMessageNotReadableException("bad", (HttpInputMessage) null)),
        HttpStatus.BAD_REQUEST);
    assertChinese(errors.spring(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON))),
        HttpStatus.NOT_ACCEPTABLE);
    assertChinese(errors.spring(new jakarta.servlet.ServletException("odd")), HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Test
  void aStatusExceptionKeepsItsReasonOrGetsTheStatusText() {
    assertThat(errors.status(new ResponseStatusException(HttpStatus.NOT_FOUND, "该决策不在跟踪范围内。")).getBody())
        .containsEntry("message", "该决策不在跟踪范围内。").containsEntry("status", 404);
    assertChinese(errors.status(new ResponseStatusException(HttpStatus.CONFLICT)), HttpStatus.CONFLICT);
  }

  @Test
  void aRefusalCarriesItsProblemsAndRetryAfter() {
    ResponseEntity<Map<String, Object>> answer = errors.refused(new PublicRefusal(HttpStatus.BAD_REQUEST, "第1题：必答",
        List.of(new SurveyAnswers.Problem("q1", "第1题：必答")), null));
    assertThat(answer.getBody()).containsEntry("message", "第1题：必答");
    assertThat(answer.getBody().get("errors")).isEqualTo(List.of(Map.of("questionId", "q1", "message", "第1题：必答")));
    ResponseEntity<Map<String, Object>> limited = errors.refused(PublicRefusal.tooMany(Duration.ofMillis(4_100)));
    assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(limited.getBody()).doesNotContainKey("errors");
  }
}
