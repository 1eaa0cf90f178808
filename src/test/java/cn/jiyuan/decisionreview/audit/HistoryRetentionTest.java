package cn.jiyuan.decisionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.support.Covers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The history time to live is one configured period (README "Audit trail"), the model files carry the same value as
 * the configuration's default, and the guard knows which engine commands remove history.
 */
@Covers({"第二十四条"})
class HistoryRetentionTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(HistoryProperties.class)
  static class Records {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Records.class);

  @Test
  void thirtyYearsByDefaultCountedWithEveryLeapDay() {
    runner.run(context -> {
      HistoryProperties history = context.getBean(HistoryProperties.class);
      assertThat(history.timeToLive()).isEqualTo(Period.ofYears(30));
      assertThat(history.timeToLiveDays()).isEqualTo(30 * 365 + 8);
      assertThat(history.deletionAllowed()).isFalse();
    });
    runner.withPropertyValues("decision-review.history.time-to-live=P10Y", "decision-review.history.deletion-allowed=true")
        .run(context -> {
          HistoryProperties history = context.getBean(HistoryProperties.class);
          assertThat(history.timeToLiveDays()).isEqualTo(3650 + 3);
          assertThat(history.deletionAllowed()).isTrue();
        });
    assertThat(new HistoryProperties(Period.ofMonths(18), false).timeToLiveDays()).isEqualTo(365 + 1 + 6 * 31);
    assertThatThrownBy(() -> new HistoryProperties(Period.ZERO, false).timeToLiveDays())
        .hasMessageContaining("time-to-live");
  }

  @Test
  void everyModelFileAndTheEngineDefaultCarryTheConfiguredPeriod() throws IOException {
    String expected = "P" + new HistoryProperties(Period.ofYears(30), false).timeToLiveDays() + "D";
    assertThat(Files.readString(Path.of("src/main/resources/application.yaml")))
        .contains("time-to-live: P30Y").contains("history-time-to-live: " + expected);
    Pattern ttl = Pattern.compile("historyTimeToLive=\"([^\"]*)\"");
    List<Path> models;
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("dmn")))) {
      models = files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(10);
    for (Path model : models) {
      Matcher m = ttl.matcher(Files.readString(model));
      int found = 0;
      while (m.find()) {
        assertThat(m.group(1)).as(model.toString()).isEqualTo(expected);
        found++;
      }
      assertThat(found).as(model + " sets a history time to live").isPositive();
    }
  }

  @Test
  void theGuardKnowsTheCommandsThatRemoveHistory() {
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteHistoricProcessInstancesCmd(List.of("p"), false))).isTrue();
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteUserOperationLogEntryCmd("o"))).isTrue();
    assertThat(HistoryDeletionGuard.deletesHistory(new UpdateProcessDefinitionHistoryTimeToLiveCmd("d", 1))).isTrue();
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteDeploymentCmd("d", true, false, false))).isTrue();
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteProcessDefinitionsByIdsCmd(List.of("d"), true, false, false)))
        .isTrue();
    // without cascade a deployment goes and the history stays; deleting a running instance keeps its history
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteDeploymentCmd("d", false, false, false))).isFalse();
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteProcessDefinitionsByIdsCmd(List.of("d"), false, false, false)))
        .isFalse();
    assertThat(HistoryDeletionGuard.deletesHistory(new DeleteProcessInstanceCmd("p", "r", false, false, false, false, false)))
        .isFalse();
  }
}
