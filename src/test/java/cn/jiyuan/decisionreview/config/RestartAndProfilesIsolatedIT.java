package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.DecisionReviewApplication;
import cn.jiyuan.decisionreview.identity.InsecureAdminAccountException;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * State survives a restart on the file database, seeding and Flyway run once, and the
 * prod profile refuses to start without a proper admin password. Each start gets its own engine name so it
 * does not disturb the shared integration-test context in this JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
// its applications run on H2 files of their own whatever the environment says, so CI's PostgreSQL round would
// only repeat the H2 round
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+",
    disabledReason = "runs on its own H2 files; already run in the H2 round")
class RestartAndProfilesIsolatedIT {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start(String engineName, String... extra) {
    return startOn("jdbc:h2:file:" + dataDir.resolve("dr").toAbsolutePath() + ";LOCK_TIMEOUT=10000", engineName, extra);
  }

  private ConfigurableApplicationContext startOn(String url, String engineName, String... extra) {
    String[] base = {
        "--spring.datasource.url=" + url, "--server.port=0",
        "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.job-execution.enabled=false"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return new SpringApplicationBuilder(DecisionReviewApplication.class).run(args);
  }

  @Test
  void stateSurvivesARestartAndSeedingRunsOnce(CapturedOutput output) {
    long filters;
    long authorizations;
    String instanceId;
    try (ConfigurableApplicationContext first = start("restart1", "--spring.profiles.active=demo")) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      User user = engine.getIdentityService().newUser("restart-user");
      user.setFirstName("重启");
      user.setLastName("测试");
      user.setPassword("restart-123");
      engine.getIdentityService().saveUser(user);
      engine.getRepositoryService().createDeployment().addModelInstance("restart.bpmn",
          Bpmn.createExecutableProcess("restart").camundaHistoryTimeToLive(1).startEvent().userTask().name("等待").endEvent().done())
          .deploy();
      instanceId = engine.getRuntimeService().startProcessInstanceByKey("restart", "济政〔2026〕999号").getId();
      filters = engine.getFilterService().createFilterQuery().count();
      authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    }
    // The line with the URLs comes when the demo evaluations exist, i.e. after they are generated.
    String log = output.getOut();
    assertThat(log).contains("已生成演示数据", "系统已就绪");
    assertThat(log.indexOf("系统已就绪")).isGreaterThan(log.indexOf("已生成演示数据"));
    // start-up's garbage is collected once, after the demo data and before the ready line (config/StartupMemory)
    assertThat(log.indexOf("已释放启动过程占用的内存")).isGreaterThan(log.indexOf("已生成演示数据"))
        .isLessThan(log.indexOf("系统已就绪"));
    try (ConfigurableApplicationContext second = start("restart2", "--spring.profiles.active=demo")) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().checkPassword("restart-user", "restart-123")).isTrue();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
          .getBusinessKey()).isEqualTo("济政〔2026〕999号");
      assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters).isEqualTo(4);
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"dr_schema_history\" WHERE \"version\" = '1' AND \"success\" = TRUE", Integer.class))
          .isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT seeded_at FROM dr_seed_lock WHERE name = 'startup'", java.sql.Timestamp.class)).isNotNull();
    }
  }

  @Test
  void prodRefusesToStartWithoutAPassword() {
    assertThatThrownBy(() -> startOn("jdbc:h2:mem:prod1", "prod1", "--spring.profiles.active=prod",
        "--decision-review.admin.id=chief", "--decision-review.admin.password="))
        .hasRootCauseInstanceOf(InsecureAdminAccountException.class)
        .rootCause().hasMessageContaining("DECISION_REVIEW_ADMIN_PASSWORD");
  }

  @Test
  void prodRefusesAKnownDefaultPassword() {
    assertThatThrownBy(() -> startOn("jdbc:h2:mem:prod2", "prod2", "--spring.profiles.active=prod",
        "--decision-review.admin.id=chief", "--decision-review.admin.password=demo"))
        .hasRootCauseInstanceOf(InsecureAdminAccountException.class);
  }

  @Test
  void prodStartsWithAStrongPasswordAndSeedsNoDemoUsers() {
    try (ConfigurableApplicationContext prod = startOn("jdbc:h2:mem:prod3;LOCK_TIMEOUT=10000", "prod3", "--spring.profiles.active=prod",
        "--decision-review.admin.id=chief",
        "--decision-review.admin.password=Zhong-Guo-2026!")) {
      ProcessEngine engine = prod.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().checkPassword("chief", "Zhong-Guo-2026!")).isTrue();
      assertThat(engine.getIdentityService().createUserQuery().userId("sifa").count()).isZero();
      assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().groupId("legal-affairs").count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().groupId("agency-demo").count()).isZero();
    }
  }
}
