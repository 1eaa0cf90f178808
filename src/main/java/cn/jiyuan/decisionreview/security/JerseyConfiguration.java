package cn.jiyuan.decisionreview.security;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine REST API at /engine-rest, plus the project's exception mapping. */
@Component
@ApplicationPath("/engine-rest")
public class JerseyConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RestValidationExceptionMapper.class);
    register(DatabaseUnavailableExceptionMapper.class);
  }
}
