package cn.jiyuan.decisionreview.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line a newcomer can click through: where Tasklist, Cockpit and the REST API are. */
@Component
public class StartupAnnouncement {

  private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);

  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
    String base = "http://localhost:" + port;
    LOG.info("重大行政决策跟踪反馈与后评估系统已启动 — Tasklist: {}/camunda/app/tasklist/ | Cockpit: {}/camunda/app/cockpit/ | REST API: {}/engine-rest | profiles: {}",
        base, base, base, String.join(",", env.getActiveProfiles().length > 0 ? env.getActiveProfiles() : env.getDefaultProfiles()));
  }
}
