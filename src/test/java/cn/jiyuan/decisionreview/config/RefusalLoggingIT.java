package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On the running application: a refused task submission through the engine REST API leaves no WARN or ERROR
 * in the log, only one INFO line with the Chinese reason; and the login page's probe of /camunda-welcome finds
 * the welcome app instead of a 404.
 */
@IntegrationTest
class RefusalLoggingIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
  private Logger engineContext;
  private Level engineContextLevel;

  @BeforeEach
  void capture() {
    events.setContext(logging);
    events.start();
    logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
    // The it profile turns this logger down to WARN; the refusal's INFO line must be visible here.
    engineContext = logging.getLogger("org.camunda.bpm.engine.context");
    engineContextLevel = engineContext.getLevel();
    engineContext.setLevel(Level.INFO);
  }

  @AfterEach
  void release() {
    engineContext.setLevel(engineContextLevel);
    logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(events);
  }

  @Test
  void aRefusedSubmissionIsLoggedAsOneInfoLineWithTheReason() {
    EvaluationScenario s = EvaluationScenario.start(engine, DecisionNumbers.unique(), "exec-jyj");
    String task = s.task(TaskKeys.DETERMINE_METHOD).getId();
    events.list.clear();
    Http.Response refused = Http.basic(port, "sifa", "demo").postJson("/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of("evaluatorType", Map.of("value", "SELF"), "procedureType", Map.of("value", "SIMPLIFIED"),
            "undertakingUnit", Map.of("value", "legal-affairs"), "evaluationScope", Map.of("value", "WHOLE"))));
    assertThat(refused.status()).isEqualTo(400);

    assertThat(events.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .noneMatch(e -> e.getFormattedMessage().contains("简易程序须书面说明理由"));
    assertThat(events.list).filteredOn(e -> e.getMarkerList() != null && e.getMarkerList().contains(RefusalLogFilter.REFUSAL))
        .singleElement().satisfies(e -> {
          assertThat(e.getLevel()).isEqualTo(Level.INFO);
          assertThat(e.getLoggerName()).isEqualTo("org.camunda.bpm.engine.context");
          assertThat(e.getFormattedMessage()).contains("采用简易程序须书面说明理由（第十五条）");
          assertThat(e.getThrowableProxy()).isNull();
        });
  }

  @Test
  void theWelcomePageProbeLeadsToTheWelcomeApp() {
    Http anonymous = Http.anonymous(port);
    Http.Response probe = anonymous.get("/camunda-welcome");
    assertThat(probe.status()).isEqualTo(302);
    assertThat(probe.header("Location")).endsWith("/camunda/app/welcome/default/");
    assertThat(anonymous.get("/camunda/app/welcome/default/").status()).isEqualTo(200);
  }
}
