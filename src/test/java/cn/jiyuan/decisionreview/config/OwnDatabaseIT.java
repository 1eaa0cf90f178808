package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * application-it.yaml names each context's in-memory H2 after a random UUID. {@code random.uuid} gives a new value
 * on every read, so this checks that the name is resolved once, into the one DataSource that the application, Flyway
 * and the engine all write to; otherwise Flyway would migrate one database and the engine run on another.
 */
@IntegrationTest
class OwnDatabaseIT {

  @Autowired DataSource dataSource;
  @Autowired Flyway flyway;
  @Autowired ProcessEngine engine;

  @Test
  void theApplicationFlywayAndTheEngineShareTheContextsOneDatabase() throws SQLException {
    String url = url(dataSource);
    assertThat(url(flyway.getConfiguration().getDataSource())).isEqualTo(url);
    DataSource engineDataSource =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    assertThat(url(engineDataSource)).isEqualTo(url);
    if (url.startsWith("jdbc:h2:mem:")) {
      assertThat(url).as("a database of this context's own")
          .matches("jdbc:h2:mem:dr-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(;.*)?");
      // the migrations ran in that database, and the engine's tables are there too
      assertThat(flyway.info().applied()).isNotEmpty();
      assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RE_PROCDEF");
    }
  }

  private static String url(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL();
    }
  }
}
