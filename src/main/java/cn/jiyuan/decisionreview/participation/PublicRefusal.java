package cn.jiyuan.decisionreview.participation;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A public submission refused before anything was stored, with a Chinese message: answered by
 * {@link PublicApiErrors} as {@code {"message": …}} with the status, the field it is about (if one), for a 400 about
 * answers the problem of each question (so that the page can show each beside its question), and for 429 when to
 * try again.
 */
public class PublicRefusal extends RuntimeException {

  private final HttpStatus status;
  private final String field;
  private final transient List<SurveyAnswers.Problem> problems;
  private final Duration retryAfter;

  public PublicRefusal(HttpStatus status, String message) {
    this(status, message, null, List.of(), null);
  }

  PublicRefusal(HttpStatus status, String message, List<SurveyAnswers.Problem> problems, Duration retryAfter) {
    this(status, message, null, problems, retryAfter);
  }

  private PublicRefusal(HttpStatus status, String message, String field, List<SurveyAnswers.Problem> problems,
      Duration retryAfter) {
    // a refusal is an answer, not a failure: no stack trace is taken
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.problems = problems;
    this.retryAfter = retryAfter;
  }

  /** A 400 about one field of the submission. */
  static PublicRefusal invalid(String field, String message) {
    return new PublicRefusal(HttpStatus.BAD_REQUEST, message, field, List.of(), null);
  }

  static PublicRefusal notFound(String message) {
    return new PublicRefusal(HttpStatus.NOT_FOUND, message);
  }

  static PublicRefusal tooMany(long retryAfterSeconds) {
    return tooMany(Duration.ofSeconds(Math.max(1, retryAfterSeconds)));
  }

  static PublicRefusal unsupportedMediaType() {
    return new PublicRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 JSON 格式提交（Content-Type: application/json）。");
  }

  static PublicRefusal tooLarge(int maxBytes) {
    return new PublicRefusal(HttpStatus.PAYLOAD_TOO_LARGE, "提交的内容过大，不能超过 " + maxBytes / 1024 + " KB。");
  }

  public String field() {
    return field;
  }

  public static PublicRefusal tooMany(Duration retryAfter) {
    return new PublicRefusal(HttpStatus.TOO_MANY_REQUESTS, "提交过于频繁，请" + wait(retryAfter) + "后再试。", List.of(),
        retryAfter);
  }

  static String wait(Duration duration) {
    long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
    return seconds < 60 ? seconds + " 秒" : (seconds + 59) / 60 + " 分钟";
  }

  public HttpStatus status() {
    return status;
  }

  public List<SurveyAnswers.Problem> problems() {
    return problems;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
