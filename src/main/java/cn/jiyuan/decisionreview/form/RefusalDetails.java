package cn.jiyuan.decisionreview.form;

import cn.jiyuan.decisionreview.form.FormRefusal.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API reports a refused form submission as one message. Tasklist shows a refusal next to the field
 * it concerns, so the refused variables travel along in the response header {@value #HEADER}: a URL-encoded JSON list
 * {@code [{"field": "teamMembers", "message": "…"}]}. The refusal is recorded on the request's thread by
 * {@link FormRefusalUnwrapping} and written before the error response is committed.
 */
@Configuration
public class RefusalDetails {

  public static final String HEADER = "X-Form-Refusal";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ThreadLocal<List<Problem>> CURRENT = new ThreadLocal<>();

  static void record(FormFieldValidationException refusal) {
    CURRENT.set(refusal instanceof FormRefusal.Refused r ? r.problems()
        : List.of(new Problem(refusal.getDetail() instanceof String field ? field : null, FormRefusal.asText(refusal.getMessage()))));
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> refusalDetailsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(new HeaderFilter());
    reg.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return reg;
  }

  static final class HeaderFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CURRENT.remove();
      try {
        chain.doFilter(request, new Wrapper(response));
      } finally {
        CURRENT.remove();
      }
    }
  }

  /** Adds the header when the error status is set, i.e. before the body is written. */
  static final class Wrapper extends HttpServletResponseWrapper {

    Wrapper(HttpServletResponse response) {
      super(response);
    }

    private void addDetails(int status) {
      List<Problem> problems = CURRENT.get();
      if (status >= 400 && problems != null && !isCommitted()) {
        try {
          setHeader(HEADER, URLEncoder.encode(MAPPER.writeValueAsString(problems), StandardCharsets.UTF_8));
        } catch (IOException e) {
          // the joined message in the body still names every problem
        }
        CURRENT.remove();
      }
    }

    @Override
    public void setStatus(int sc) {
      addDetails(sc);
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      addDetails(sc);
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      addDetails(sc);
      super.sendError(sc);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      addDetails(getStatus());
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      addDetails(getStatus());
      return super.getWriter();
    }
  }
}
