package cn.jiyuan.decisionreview.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters that harden the embedded Camunda 7.24 CE (DESIGN.md §8). Order matters: lower runs first. */
@Configuration
public class WebSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine/*";

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeadersFilter> reg = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    reg.addUrlPatterns("/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return reg;
  }

  @Bean
  FilterRegistrationBean<AdminSetupBlockFilter> adminSetupBlockFilter() {
    FilterRegistrationBean<AdminSetupBlockFilter> reg = new FilterRegistrationBean<>(new AdminSetupBlockFilter());
    reg.addUrlPatterns("/camunda/api/admin/setup/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return reg;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    reg.setName("engine-rest-authentication");
    reg.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    reg.addUrlPatterns(ENGINE_REST);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return reg;
  }

  @Bean
  FilterRegistrationBean<OrQueryExpressionFilter> orQueryExpressionFilter() {
    FilterRegistrationBean<OrQueryExpressionFilter> reg = new FilterRegistrationBean<>(new OrQueryExpressionFilter());
    reg.addUrlPatterns(ENGINE_REST, WEBAPP_ENGINE_API);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return reg;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, true));
    reg.setName("api-authentication");
    reg.addUrlPatterns("/api/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return reg;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, false));
    reg.setName("actuator-authentication");
    reg.addUrlPatterns("/actuator/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return reg;
  }
}
