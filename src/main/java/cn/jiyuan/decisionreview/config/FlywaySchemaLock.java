package cn.jiyuan.decisionreview.config;

import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migration under the {@link SchemaLock}. Flyway's own lock covers the migrations but not its first
 * look at the schema: a node that finds the other node's {@code ACT_*} tables but no {@code dr_schema_history}
 * decides to baseline, and fails ("already exists, and is empty") when the other node created the history table
 * a moment later (seen in {@code .ci/cluster} b). Under the shared lock the second node sees the finished history
 * and has nothing to do.
 */
@Component
public class FlywaySchemaLock implements FlywayMigrationStrategy {

  @Override
  public void migrate(org.flywaydb.core.Flyway flyway) {
    try (SchemaLock lock = SchemaLock.acquire(flyway.getConfiguration().getDataSource())) {
      flyway.migrate();
    } catch (SQLException e) {
      throw new FlywayException("无法获取数据库结构初始化锁：" + e.getMessage(), e);
    }
  }
}
