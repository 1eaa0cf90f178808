package cn.jiyuan.decisionreview.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-109432: in CE 7.24.0, JUEL expressions inside a task query's {@code orQueries} escape the
 * ad-hoc expression check, so any logged-in user could run code. Task queries and filters whose
 * {@code orQueries} carry a key ending in {@code Expression} are refused before Camunda sees them.
 */
public class OrQueryExpressionFilter extends OncePerRequestFilter {

  /** Bodies are buffered to be inspected; query and filter bodies are small, uploads go elsewhere. */
  static final int MAX_INSPECTED_BODY = 2 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readLimited(request.getInputStream());
    if (body == null) {
      JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
          "请求体过大。");
      return;
    }
    if (carriesOrQueryExpression(body)) {
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "出于安全原因，查询条件 orQueries 中不允许使用表达式（*Expression）。");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_INSPECTED_BODY + 1);
    return bytes.length > MAX_INSPECTED_BODY ? null : bytes;
  }

  static boolean carriesOrQueryExpression(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      return scan(MAPPER.readTree(body), false);
    } catch (JsonProcessingException e) {
      return false; // not JSON: Camunda rejects it on its own
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean scan(JsonNode node, boolean insideOrQueries) {
    if (node == null) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode child : node) {
        if (scan(child, insideOrQueries)) {
          return true;
        }
      }
      return false;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        if (insideOrQueries && key.toLowerCase(Locale.ROOT).endsWith("expression")) {
          return true;
        }
        if (scan(field.getValue(), insideOrQueries || "orQueries".equalsIgnoreCase(key))) {
          return true;
        }
      }
    }
    return false;
  }
}
