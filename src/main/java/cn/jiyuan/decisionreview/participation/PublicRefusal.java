package cn.jiyuan.decisionreview.participation;

/**
 * A public submission refused before anything was stored: the HTTP status, the Chinese message for the citizen,
 * the field it is about (or null) and, for 429, the seconds after which to try again.
 */
public class PublicRefusal extends RuntimeException {

  private final int status;
  private final String field;
  private final long retryAfterSeconds;

  PublicRefusal(int status, String message, String field, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static PublicRefusal invalid(String field, String message) {
    return new PublicRefusal(400, message, field, 0);
  }

  static PublicRefusal notFound(String message) {
    return new PublicRefusal(404, message, null, 0);
  }

  static PublicRefusal tooMany(long retryAfterSeconds) {
    return new PublicRefusal(429, "提交过于频繁，请稍后再试。", null, retryAfterSeconds);
  }

  static PublicRefusal unsupportedMediaType() {
    return new PublicRefusal(415, "请以 JSON 格式提交（Content-Type: application/json）。", null, 0);
  }

  static PublicRefusal tooLarge(int maxBytes) {
    return new PublicRefusal(413, "提交的内容过大，不能超过 " + maxBytes / 1024 + " KB。", null, 0);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
