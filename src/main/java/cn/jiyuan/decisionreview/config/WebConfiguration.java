package cn.jiyuan.decisionreview.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
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

  /** Where Camunda Run keeps its getting-started page; the webapps' login page probes it on a first visit. */
  static final String CAMUNDA_WELCOME = "/camunda-welcome";

  private final String webappPath;

  public WebConfiguration(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.webappPath = webappPath;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(EMBEDDED_FORMS_PATH + "*.html").addResourceLocations(EMBEDDED_FORMS_LOCATION);
  }

  /**
   * The login page of every webapp asks for {@value #CAMUNDA_WELCOME} (Camunda Run's welcome page) and, if it
   * exists, points a first-time user to it. The embedded engine has no such page, so every page logged a 404.
   * Here it leads to the welcome app, which lists the applications the user may open and their profile.
   */
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController(CAMUNDA_WELCOME, webappPath + "/app/welcome/default/");
  }
}
