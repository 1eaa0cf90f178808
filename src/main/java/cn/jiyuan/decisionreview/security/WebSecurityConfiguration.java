package cn.jiyuan.decisionreview.security;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters that harden the embedded Camunda 7.24 CE (DESIGN.md §8). Order matters: lower runs first. */
@Configuration
public class WebSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine/*";
  static final String WEBAPP_API = "/camunda/api/*";
  static final String PROJECT_API = "/api/*";

  static {
    RequestLimits.installJsonDefaults();
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeadersFilter> reg = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    reg.addUrlPatterns("/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return reg;
  }

  /** Outermost on the engine REST paths, so that every error answer there, ours included, leaves in Chinese. */
  @Bean
  FilterRegistrationBean<EngineErrorTranslationFilter> engineErrorTranslationFilter() {
    FilterRegistrationBean<EngineErrorTranslationFilter> reg =
        new FilterRegistrationBean<>(new EngineErrorTranslationFilter());
    reg.addUrlPatterns(ENGINE_REST, WEBAPP_ENGINE_API);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return reg;
  }

  /** The webapps' own APIs (Cockpit, Tasklist, Admin): a database that is away is a Chinese 503 there too. */
  @Bean
  FilterRegistrationBean<EngineErrorTranslationFilter> webappDatabaseFailureFilter() {
    FilterRegistrationBean<EngineErrorTranslationFilter> reg =
        new FilterRegistrationBean<>(new EngineErrorTranslationFilter(true));
    reg.addUrlPatterns(WEBAPP_API);
    reg.setName("webappDatabaseFailureFilter");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return reg;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
    FilterRegistrationBean<RequestBodyLimitFilter> reg = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
    reg.addUrlPatterns(ENGINE_REST, WEBAPP_API, PROJECT_API);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return reg;
  }

  /** After authentication: it needs the caller (see {@link EngineCaller}). */
  @Bean
  FilterRegistrationBean<CommentAttachmentFilter> commentAttachmentFilter(ProcessEngine engine) {
    FilterRegistrationBean<CommentAttachmentFilter> reg = new FilterRegistrationBean<>(new CommentAttachmentFilter(engine));
    reg.addUrlPatterns(ENGINE_REST, WEBAPP_ENGINE_API);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 45);
    return reg;
  }

  /** Replaces Tomcat's English HTML error report (also Spring Boot's copy of it) by the Chinese one. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> chineseErrorReports() {
    return new WebServerFactoryCustomizer<>() {
      @Override
      public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
          }
          Pipeline pipeline = context.getParent().getPipeline();
          for (Valve valve : pipeline.getValves()) {
            if (ChineseErrorReportValve.isErrorReportValve(valve)) {
              pipeline.removeValve(valve);
            }
          }
          pipeline.addValve(new ChineseErrorReportValve());
        });
      }
    };
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
