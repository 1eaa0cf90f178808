package cn.jiyuan.decisionreview.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}), replacing Spring Boot's: errors that no handler answered
 * (unknown path, wrong method, unsupported media type, a CSRF refusal, …) get a Chinese message, never the
 * framework's English text or an exception's. API paths get JSON — in the engine's shape on the engine REST
 * paths — and pages get a short Chinese HTML page.
 */
@Controller
public class ChineseErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    if (Boolean.TRUE.equals(request.getAttribute(RequestBodyLimitFilter.TOO_LARGE_ATTRIBUTE))) {
      status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
    }
    if (status < 400) {
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    // thrown outside every handler, e.g. by an authentication filter asking the engine for a password while the
    // database is away, or by a transaction that could not commit
    boolean databaseAway = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
        && DatabaseFailures.unavailable(thrown);
    if (databaseAway) {
      status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    write(response, status, databaseAway ? EngineErrorMessages.DATABASE_UNAVAILABLE : ErrorTexts.forStatus(status),
        path, request.getHeader("Accept"));
  }

  /** Shared with {@link ChineseErrorReportValve}, which answers what never reaches the application. */
  static void write(HttpServletResponse response, int status, String message, String path, String accept)
      throws IOException {
    Answer answer = answer(status, message, path, accept);
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(answer.contentType());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  record Answer(String contentType, String body) {}

  static Answer answer(int status, String path, String accept) {
    return answer(status, ErrorTexts.forStatus(status), path, accept);
  }

  static Answer answer(int status, String message, String path, String accept) {
    if (!wantsJson(path, accept)) {
      return new Answer("text/html", page(status, message));
    }
    byte[] json = EnginePaths.parse(path == null ? "" : path) != null
        ? JsonErrors.bytes(JsonErrors.engineBody(status == 403 ? "AuthorizationException"
            : status >= 500 ? "ServerError" : "InvalidRequestException", message))
        : JsonErrors.bytes(JsonErrors.body(status, ErrorTexts.reason(status), message));
    return new Answer("application/json", new String(json, StandardCharsets.UTF_8));
  }

  static boolean wantsJson(String path, String accept) {
    if (path == null) {
      return true;
    }
    String p = path.toLowerCase(java.util.Locale.ROOT);
    if (p.startsWith("/api") || p.startsWith("/engine-rest") || p.startsWith("/camunda/api") || p.startsWith("/actuator")
        || p.startsWith("/public/api/")) {
      return true;
    }
    return accept == null || !accept.contains("text/html");
  }

  private static String page(int status, String message) {
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status + " "
        + message + "</title></head><body><h1>" + status + "</h1><p>" + message
        + "</p><p><a href=\"/camunda/app/tasklist/\">返回任务中心</a></p></body></html>";
  }
}
