package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.security.RequestBodyLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The public API's body cap ({@code max-body-bytes}, 64 KB): an answer sheet or an opinion is a few KB, so a
 * larger body is refused with 413 before anything reads it, at the place the other APIs' cap sits.
 */
@Configuration(proxyBeanMethods = false)
class PublicApiConfiguration {

  static final String PUBLIC_API = "/public/api/*";

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> publicRequestBodyLimitFilter(ParticipationProperties properties) {
    FilterRegistrationBean<RequestBodyLimitFilter> reg = new FilterRegistrationBean<>(new RequestBodyLimitFilter(
        properties.maxBodyBytes(), PublicSurveyController.tooLargeMessage(properties.maxBodyBytes())));
    reg.setName("public-request-body-limit");
    reg.addUrlPatterns(PUBLIC_API);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return reg;
  }
}
