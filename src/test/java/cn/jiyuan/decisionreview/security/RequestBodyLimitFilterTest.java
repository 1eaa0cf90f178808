package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

  @Test
  void aDeclaredLengthAboveTheCapIsAnswered413WithoutReadingTheBody() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/1/submit-form");
    request.setContent(new byte[11]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new RequestBodyLimitFilter(10).doFilter(request, response, chain);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("请求体过大").contains("\"type\"");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void aBodyOfUnknownLengthIsCountedAndFailsWhenItPassesTheCap() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/notifications/1/retry") {
      @Override
      public long getContentLengthLong() {
        return -1; // chunked
      }
    };
    request.setContent(new byte[11]);
    MockFilterChain chain = new MockFilterChain();
    new RequestBodyLimitFilter(10).doFilter(request, new MockHttpServletResponse(), chain);
    var passed = (jakarta.servlet.http.HttpServletRequest) chain.getRequest();
    assertThat(passed.getInputStream().readNBytes(10)).hasSize(10);
    assertThatThrownBy(() -> passed.getInputStream().read()).isInstanceOf(IOException.class);
    assertThat(request.getAttribute(RequestBodyLimitFilter.TOO_LARGE_ATTRIBUTE)).isEqualTo(Boolean.TRUE);
  }

  @Test
  void aBodyWithinTheCapPassesUntouched() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/1/complete");
    request.setContent("{}".getBytes(StandardCharsets.UTF_8));
    MockFilterChain chain = new MockFilterChain();
    new RequestBodyLimitFilter(10).doFilter(request, new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).isSameAs(request);
  }
}
