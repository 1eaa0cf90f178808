package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.security.EnginePaths.EngineRequest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
 *
 * <p>Only the endpoints that take a task query read a task query ({@link #inspects}); only their bodies are
 * buffered (at most {@value RequestLimits#MAX_QUERY_BODY_BYTES} bytes) and parsed. The inspection fails
 * closed: a body that cannot be read as one JSON document within tight limits is refused, never passed on
 * unread. Every other body streams through untouched (bounded by {@link RequestBodyLimitFilter}).
 */
public class OrQueryExpressionFilter extends OncePerRequestFilter {

  static final int MAX_DEPTH = 20;
  static final int MAX_NUMBER_DIGITS = 30;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_DIGITS)
          .maxStringLength(RequestLimits.MAX_QUERY_BODY_BYTES)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** What an inspected body is: acceptable, or refused with a Chinese reason. */
  enum Verdict {
    OK(null),
    EXPRESSION("出于安全原因，查询条件 orQueries 中不允许使用表达式（*Expression）。"),
    NOT_JSON("查询条件不是有效的 JSON。"),
    TOO_DEEP("查询条件嵌套过深（最多 " + MAX_DEPTH + " 层）或数字过长（最多 " + MAX_NUMBER_DIGITS + " 位）。");

    final String message;

    Verdict(String message) {
      this.message = message;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineRequest engineRequest = EnginePaths.of(request);
    if (engineRequest == null || !inspects(request.getMethod(), engineRequest)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readLimited(request.getInputStream());
    if (body == null) {
      JsonErrors.writeEngine(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "查询条件过大（最多 " + RequestLimits.MAX_QUERY_BODY_BYTES / 1024 + " KB）。");
      return;
    }
    Verdict verdict = inspect(body);
    if (verdict != Verdict.OK) {
      JsonErrors.writeEngine(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", verdict.message);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** Task queries ({@code POST /task}, {@code /task/count}) and everything under {@code /filter}, which stores and runs them. */
  static boolean inspects(String method, EngineRequest r) {
    if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
      return false;
    }
    String first = r.segment(0);
    if (first == null) {
      return false;
    }
    if (first.equalsIgnoreCase("filter")) {
      return true;
    }
    return first.equalsIgnoreCase("task") && (r.size() == 1 || (r.size() == 2 && r.segment(1).equalsIgnoreCase("count")));
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(RequestLimits.MAX_QUERY_BODY_BYTES + 1);
    return bytes.length > RequestLimits.MAX_QUERY_BODY_BYTES ? null : bytes;
  }

  static Verdict inspect(byte[] body) {
    if (isBlank(body)) {
      return Verdict.OK; // no query at all; the webapps send none for "all tasks"
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (StreamConstraintsException e) {
      return Verdict.TOO_DEEP;
    } catch (IOException e) {
      return Verdict.NOT_JSON;
    }
    if (tree == null || tree.isMissingNode()) {
      return Verdict.NOT_JSON;
    }
    return scan(tree, false) ? Verdict.EXPRESSION : Verdict.OK;
  }

  /** Kept for the unit test's vocabulary: true when the body is refused because of an expression. */
  static boolean carriesOrQueryExpression(byte[] body) {
    return inspect(body) == Verdict.EXPRESSION;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
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
