package cn.jiyuan.decisionreview.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON error shapes: the project's API answers {@code {"status":…,"error":…,"message":…}}; on the engine REST
 * paths the filters answer in the engine's own shape {@code {"type":…,"message":…,"code":…}}, which Tasklist and
 * Cockpit read (they branch on {@code type}).
 */
public final class JsonErrors {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonErrors() {}

  public static Map<String, Object> body(int status, String error, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", error);
    body.put("message", message);
    return body;
  }

  public static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
    send(response, status, body(status, error, message));
  }

  /** The engine REST error shape. An AuthorizationException also carries the fields the webapps expect of it. */
  public static Map<String, Object> engineBody(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", null);
    if ("AuthorizationException".equals(type)) {
      body.put("missingAuthorizations", java.util.List.of());
    }
    return body;
  }

  public static void writeEngine(HttpServletResponse response, int status, String type, String message) throws IOException {
    send(response, status, engineBody(type, message));
  }

  public static byte[] bytes(Map<String, Object> body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = bytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
