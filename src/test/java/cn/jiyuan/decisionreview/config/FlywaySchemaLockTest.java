package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A migration that fails on its own thread still stops the start-up: the seeding's wait throws its failure. */
class FlywaySchemaLockTest {

  @Test
  void aFailedMigrationIsThrownByTheWait() {
    DataSource unreachable = new AbstractDataSource() {
      @Override
      public java.sql.Connection getConnection() throws SQLException {
        throw new SQLException("connection refused");
      }

      @Override
      public java.sql.Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
      }
    };
    FlywaySchemaLock lock = new FlywaySchemaLock();
    lock.migrate(Flyway.configure().dataSource(unreachable).load());
    assertThatThrownBy(lock::awaitMigrated).isInstanceOf(FlywayException.class)
        .hasMessageContaining("数据库迁移失败").hasMessageContaining("connection refused");
  }
}
