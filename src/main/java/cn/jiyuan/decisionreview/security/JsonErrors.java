package cn.jiyuan.decisionreview.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON error shape of this project's filters and API: {@code {"status":…,"error":…,"message":…}}. */
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
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    MAPPER.writeValue(response.getOutputStream(), body(status, error, message));
  }
}
