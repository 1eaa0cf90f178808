package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.security.EngineErrorMessages.Translation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response-side translation of the engine REST API's errors, on {@code /engine-rest} and
 * {@code /camunda/api/engine}: an answer with status 400 or above is held back (error bodies are small;
 * successful answers stream through untouched), its message is translated by {@link EngineErrorMessages},
 * and it is sent as JSON in the engine's shape. An error without a body gets a Chinese one. The English
 * original is logged (WARN for what stays a 5xx, INFO when a 5xx turned out to be a refusal, DEBUG otherwise),
 * so nothing is lost for the administrator.
 */
public class EngineErrorTranslationFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorTranslationFilter.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Larger error bodies are not errors we know: they are cut, and answered by status alone. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final boolean databaseFailuresOnly;

  public EngineErrorTranslationFilter() {
    this(false);
  }

  /**
   * @param databaseFailuresOnly for the webapps' own APIs (Cockpit, Tasklist, Admin plugins): only an error that
   *     means the database is away becomes the Chinese 503; every other answer is passed on as it was
   */
  public EngineErrorTranslationFilter(boolean databaseFailuresOnly) {
    this.databaseFailuresOnly = databaseFailuresOnly;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // the engine API under the webapps has the full translation of its own
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return databaseFailuresOnly && path.startsWith("/camunda/api/engine/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorCapturingResponse wrapped = new ErrorCapturingResponse(response);
    try {
      chain.doFilter(request, wrapped);
    } finally {
      if (!wrapped.sentError) {
        finish(request, response, wrapped);
      }
    }
  }

  private void finish(HttpServletRequest request, HttpServletResponse response, ErrorCapturingResponse wrapped)
      throws IOException {
    int status = wrapped.getStatus();
    if (wrapped.captured == null && (status < 400 || response.isCommitted())) {
      return;
    }
    wrapped.flushCapture();
    byte[] original = wrapped.captured == null ? new byte[0] : wrapped.captured.toByteArray();
    boolean tooLarge = Boolean.TRUE.equals(request.getAttribute(RequestBodyLimitFilter.TOO_LARGE_ATTRIBUTE));
    Result result = tooLarge
        ? new Result(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            JsonErrors.bytes(JsonErrors.engineBody("InvalidRequestException", RequestBodyLimitFilter.MESSAGE)))
        : translate(status, original);
    if (databaseFailuresOnly && !isDatabaseUnavailable(result)) {
      if (!response.isCommitted()) {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentLength(original.length);
        response.getOutputStream().write(original);
      }
      return;
    }
    if (result.status() >= 500) {
      LOG.warn("引擎 REST 错误 {} {} → {}：{}", request.getMethod(), request.getRequestURI(), result.status(),
          new String(original, 0, Math.min(original.length, 2000), StandardCharsets.UTF_8));
    } else if (result.status() != status) {
      // A refusal of bad input the engine answered as a server error: a normal event, but worth a line.
      LOG.info("引擎 REST 拒绝 {} {}：{} → {}：{}", request.getMethod(), request.getRequestURI(), status, result.status(),
          new String(original, 0, Math.min(original.length, 500), StandardCharsets.UTF_8));
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("引擎 REST 错误 {} {}：{}", request.getMethod(), request.getRequestURI(),
          new String(original, StandardCharsets.UTF_8));
    }
    if (response.isCommitted()) {
      return; // only after a failure of the container itself: nothing can be sent any more
    }
    response.resetBuffer();
    response.setStatus(result.status());
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(result.body().length);
    response.getOutputStream().write(result.body());
  }

  private static boolean isDatabaseUnavailable(Result result) {
    if (result.status() != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
      return false;
    }
    try {
      return EngineErrorMessages.DATABASE_UNAVAILABLE.equals(text(MAPPER.readTree(result.body()).get("message")));
    } catch (IOException e) {
      return false;
    }
  }

  /** The answer to send instead: status and JSON body. */
  record Result(int status, byte[] body) {}

  static Result translate(int status, byte[] original) {
    ObjectNode source = null;
    if (original.length > 0 && original.length <= MAX_ERROR_BODY) {
      try {
        JsonNode node = MAPPER.readTree(original);
        if (node != null && node.isObject()) {
          source = (ObjectNode) node;
        }
      } catch (IOException e) {
        // not JSON (an HTML page, plain text): answered by status alone
      }
    }
    String type = source == null ? null : text(source.get("type"));
    String message = source == null ? null : text(source.get("message"));
    Translation t = EngineErrorMessages.translate(status, type, message);
    ObjectNode out = MAPPER.createObjectNode();
    out.put("type", t.type());
    out.put("message", t.message());
    out.set("code", source != null && source.has("code") ? source.get("code") : null);
    if ("AuthorizationException".equals(t.type())) {
      // The webapps build their own text from these fields; they name permissions and resources, not classes.
      if (source != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (!out.has(field.getKey())) {
            out.set(field.getKey(), field.getValue());
          }
        }
      }
      if (!out.has("missingAuthorizations")) {
        out.putArray("missingAuthorizations");
      }
    }
    try {
      return new Result(t.status(), MAPPER.writeValueAsBytes(out));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  /** Holds back the body of an error answer; passes any other answer straight through. */
  static final class ErrorCapturingResponse extends HttpServletResponseWrapper {
    ByteArrayOutputStream captured;
    boolean sentError;
    private ServletOutputStream capturingStream;
    private PrintWriter capturingWriter;

    ErrorCapturingResponse(HttpServletResponse response) {
      super(response);
    }

    private boolean capturing() {
      return captured != null || getStatus() >= 400;
    }

    private ServletOutputStream capture() {
      if (captured == null) {
        captured = new ByteArrayOutputStream();
      }
      if (capturingStream == null) {
        capturingStream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            if (captured.size() <= MAX_ERROR_BODY) {
              captured.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            if (captured.size() <= MAX_ERROR_BODY) {
              captured.write(b, off, Math.min(len, MAX_ERROR_BODY + 1 - captured.size()));
            }
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
          }
        };
      }
      return capturingStream;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return capturing() ? capture() : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!capturing()) {
        return super.getWriter();
      }
      if (capturingWriter == null) {
        capturingWriter = new PrintWriter(new OutputStreamWriter(capture(), StandardCharsets.UTF_8), true);
      }
      return capturingWriter;
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      sentError = true; // the container's error page (ChineseErrorController) answers
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      sentError = true;
      super.sendError(sc);
    }

    @Override
    public void setContentLength(int len) {
      if (!capturing()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!capturing()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(capturing() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(capturing() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    void flushCapture() {
      if (capturingWriter != null) {
        capturingWriter.flush();
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (capturing()) {
        if (capturingWriter != null) {
          capturingWriter.flush();
        }
        return;
      }
      super.flushBuffer();
    }
  }
}
