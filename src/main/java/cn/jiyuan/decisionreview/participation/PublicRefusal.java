package cn.jiyuan.decisionreview.participation;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A public submission refused with a Chinese message: answered by {@link PublicApiErrors} as
 * {@code {"message": …}} with the status, and, for a 400 about answers, the problem of each question (so that the
 * page can show each beside its question).
 */
public class PublicRefusal extends RuntimeException {

  private final HttpStatus status;
  private final transient List<SurveyAnswers.Problem> problems;
  private final Duration retryAfter;

  public PublicRefusal(HttpStatus status, String message) {
    this(status, message, List.of(), null);
  }

  PublicRefusal(HttpStatus status, String message, List<SurveyAnswers.Problem> problems, Duration retryAfter) {
    // a refusal is an answer, not a failure: no stack trace is taken
    super(message, null, false, false);
    this.status = status;
    this.problems = problems;
    this.retryAfter = retryAfter;
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
