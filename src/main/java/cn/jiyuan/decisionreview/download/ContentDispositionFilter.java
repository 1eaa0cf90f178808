package cn.jiyuan.decisionreview.download;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rewrites every {@code Content-Disposition} a servlet sets into the RFC 5987 form of {@link ContentDispositions}.
 * Camunda's {@code …/variables/{name}/data} endpoints write the raw UTF-8 name into {@code filename="…"}, and
 * Tomcat then drops the whole header, so a Chinese report arrives as {@code data.docx}. Rewriting at the moment
 * the header is set covers all of Camunda's file endpoints (both REST APIs) and the project's own downloads.
 */
public class ContentDispositionFilter extends OncePerRequestFilter {

  /** Told of each download as its header is set (the audit trail's record of engine downloads); may be null. */
  private final EngineDownloads downloads;

  public ContentDispositionFilter(EngineDownloads downloads) {
    this.downloads = downloads;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new Wrapper(response, request, downloads));
  }

  static final class Wrapper extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final EngineDownloads downloads;

    Wrapper(HttpServletResponse response, HttpServletRequest request, EngineDownloads downloads) {
      super(response);
      this.request = request;
      this.downloads = downloads;
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, rewrite(name, value));
      served(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, rewrite(name, value));
      served(name, value);
    }

    private void served(String name, String value) {
      if (downloads != null && ContentDispositions.HEADER.equalsIgnoreCase(name) && value != null) {
        downloads.served(request, value);
      }
    }

    private static String rewrite(String name, String value) {
      return ContentDispositions.HEADER.equalsIgnoreCase(name) ? ContentDispositions.normalise(value) : value;
    }
  }
}
