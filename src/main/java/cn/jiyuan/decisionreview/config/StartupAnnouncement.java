package cn.jiyuan.decisionreview.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line a newcomer can click through: where Tasklist, Cockpit and the REST API are. It is printed when the
 * application accepts traffic, which Spring Boot announces after every ApplicationReadyEvent listener has run —
 * so after the demo data exist, and a newcomer who opens the link at once finds work in Tasklist.
 */
@Component
public class StartupAnnouncement {

  private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);

  @EventListener
  public void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || !(event.getSource() instanceof ApplicationContext context)) {
      return;
    }
    Environment env = context.getEnvironment();
    int port = context instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
    String base = "http://localhost:" + port;
    LOG.info("重大行政决策跟踪反馈与后评估系统已就绪 — Tasklist: {}/camunda/app/tasklist/ | Cockpit: {}/camunda/app/cockpit/ | REST API: {}/engine-rest | profiles: {}",
        base, base, base, String.join(",", env.getActiveProfiles().length > 0 ? env.getActiveProfiles() : env.getDefaultProfiles()));
  }
}
