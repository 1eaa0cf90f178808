package cn.jiyuan.decisionreview.config;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Installs {@link RefusalLogFilter} right after Spring Boot has (re)configured Logback, which drops turbo filters,
 * and before the engine starts. Registered in {@code META-INF/spring.factories}, so it applies to every start of
 * the application, also in tests.
 */
public class RefusalLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    install();
  }

  /** Idempotent: at most one filter per Logback context. */
  public static void install() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
      RefusalLogFilter filter = new RefusalLogFilter();
      filter.setName("refusals-at-info");
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }
}
