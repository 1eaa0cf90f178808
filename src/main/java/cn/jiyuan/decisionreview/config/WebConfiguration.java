package cn.jiyuan.decisionreview.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the embedded HTML task forms of {@code forms/} (file upload, which Camunda Forms 7.24 lack) at
 * /forms/, where Tasklist loads them from their {@code embedded:/forms/…} form keys.
 */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

  /** URL path of the embedded forms, and where they are read from (also by the server's form check). */
  public static final String EMBEDDED_FORMS_PATH = "/forms/";
  public static final String EMBEDDED_FORMS_LOCATION = "classpath:/forms/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(EMBEDDED_FORMS_PATH + "*.html").addResourceLocations(EMBEDDED_FORMS_LOCATION);
  }
}
