package cn.jiyuan.decisionreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DecisionReviewApplication {

  /**
   * With {@code -Ddecision-review.startup.trace=true} (and a JFR recording) every start-up step of Spring, each
   * bean's creation with its name, becomes a JFR event: where start-up time goes, bean by bean ({@code bench/p5}).
   */
  static final String TRACE_PROPERTY = "decision-review.startup.trace";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(DecisionReviewApplication.class);
    if (Boolean.getBoolean(TRACE_PROPERTY)) {
      application.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    application.run(args);
  }
}
