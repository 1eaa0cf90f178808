package cn.jiyuan.decisionreview.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body without holding it: a declared length above {@link RequestLimits#MAX_BODY_BYTES}
 * is answered 413 at once; a body without a declared length (chunked) is counted while the application reads
 * it, and reading past the cap fails. The request is then marked, so that whichever error the reader makes of
 * that failure is answered as the same Chinese 413 (see {@link EngineErrorTranslationFilter}, {@link ChineseErrorController}).
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  public static final String TOO_LARGE_ATTRIBUTE = RequestBodyLimitFilter.class.getName() + ".tooLarge";
  public static final String MESSAGE = "请求体过大：一次提交最多约 " + (RequestLimits.MAX_BODY_BYTES / (1024 * 1024))
      + " MB（每个文件不超过 20 MB）。";

  private final long maxBytes;
  private final String message;

  public RequestBodyLimitFilter() {
    this(RequestLimits.MAX_BODY_BYTES);
  }

  RequestBodyLimitFilter(long maxBytes) {
    this(maxBytes, MESSAGE);
  }

  /** A cap of its own, with the message that states it (the public pages take far less than the forms). */
  public RequestBodyLimitFilter(long maxBytes, String message) {
    this.maxBytes = maxBytes;
    this.message = message;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      request.setAttribute(TOO_LARGE_ATTRIBUTE, Boolean.TRUE);
      response.setHeader("Connection", "close"); // do not read the rest of what is left on the wire
      if (EnginePaths.of(request) != null) {
        JsonErrors.writeEngine(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException", message);
      } else {
        JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large", message);
      }
      return;
    }
    chain.doFilter(declared >= 0 ? request : new CountingRequest(request, maxBytes), response);
  }

  static final class CountingRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    CountingRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), maxBytes, this);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private final HttpServletRequest request;
    private long count;

    CountingStream(ServletInputStream in, long maxBytes, HttpServletRequest request) {
      this.in = in;
      this.maxBytes = maxBytes;
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) throws IOException {
      count += n;
      if (count > maxBytes) {
        request.setAttribute(TOO_LARGE_ATTRIBUTE, Boolean.TRUE);
        throw new IOException("request body exceeds " + maxBytes + " bytes");
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
