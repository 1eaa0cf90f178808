package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway's migration waits for the schema lock that another node's schema creation holds (on PostgreSQL, the CI
 * round with {@code SPRING_DATASOURCE_URL}); on H2 the lock is nothing and the migration runs at once.
 */
@IntegrationTest
class SchemaLockIT {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired Flyway flyway;
  @Autowired FlywaySchemaLock flywaySchemaLock;

  @Test
  void flywayWaitsWhileAnotherSessionHoldsTheSchemaLock() throws Exception {
    CompletableFuture<Void> migration;
    try (SchemaLock otherNode = SchemaLock.acquire(dataSource)) {
      migration = CompletableFuture.runAsync(() -> {
        flywaySchemaLock.migrate(flyway);
        flywaySchemaLock.awaitMigrated();
      });
      if (isPostgres()) {
        awaitWaitingAdvisoryLock(Duration.ofSeconds(20));
        assertThat(migration).as("the migration waits for the lock").isNotDone();
      }
    }
    migration.get(60, TimeUnit.SECONDS);
    assertThat(flyway.info().pending()).as("nothing left to migrate").isEmpty();
  }

  private void awaitWaitingAdvisoryLock(Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    String waiting = "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
        + " WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()";
    while (jdbc.queryForObject(waiting, Integer.class) == 0) {
      assertThat(System.nanoTime()).as("a session waits for the schema lock").isLessThan(end);
      Thread.sleep(50);
    }
  }

  private boolean isPostgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
  }
}
