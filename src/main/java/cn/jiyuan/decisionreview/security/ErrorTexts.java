package cn.jiyuan.decisionreview.security;

/** Chinese texts by HTTP status, for errors that carry no message of their own worth showing. */
public final class ErrorTexts {

  private ErrorTexts() {}

  public static String forStatus(int status) {
    return switch (status) {
      case 400 -> "请求无效，请检查提交的数据。";
      case 401 -> "请先登录，或提供正确的用户名和密码。";
      case 403 -> "您无权执行此操作。";
      case 404 -> "请求的地址或资源不存在。";
      case 405 -> "该地址不支持此请求方法。";
      case 406 -> "无法以所请求的格式返回结果：请接受 application/json。";
      case 408 -> "请求超时，请重试。";
      case 409 -> "数据已被他人同时修改，请刷新后重试。";
      case 413 -> RequestBodyLimitFilter.MESSAGE;
      case 414 -> "请求地址过长。";
      case 415 -> "请求的内容类型不受支持：请以 application/json 发送。";
      case 429 -> "请求过于频繁，请稍后再试。";
      case 431 -> "请求头过大。";
      case 501 -> "服务器不支持此请求。";
      case 503 -> "服务暂时不可用，请稍后重试。";
      default -> status >= 500 ? "服务器内部错误，请稍后重试或联系管理员。" : "请求无效（" + status + "）。";
    };
  }

  /** The English reason phrase, for the "error" field of the project's JSON errors. */
  public static String reason(int status) {
    try {
      return org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
    } catch (IllegalArgumentException e) {
      return "Error";
    }
  }
}
