package cn.jiyuan.decisionreview.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Serialises the engine's schema creation across nodes that start together on one empty PostgreSQL database.
 * Camunda's {@code schema-update} takes no lock: two nodes creating {@code ACT_*} at the same moment collide on
 * PostgreSQL's catalog ("duplicate key … pg_type_typname_nsp_index") and the second node fails to start. A
 * session-level advisory lock is held from the end of the engine's configuration until the engine is built, so the
 * second node waits and then finds the schema in place. The deployment and the seeding are serialised by Camunda's
 * deployment lock and {@link SeedLock}; H2 runs one node per database file and needs nothing.
 */
@Component
public class SchemaCreationLock extends AbstractProcessEnginePlugin {

  /** The advisory lock's key: any fixed number; only this class uses it. */
  static final long LOCK_KEY = 0x4452_5343_4845_4D41L;

  private Connection holder;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    DataSource dataSource = configuration.getDataSource();
    try {
      holder = dataSource.getConnection();
      holder.setAutoCommit(true);
      try (Statement statement = holder.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      }
    } catch (SQLException e) {
      release();
      throw new ProcessEngineException("无法获取数据库结构初始化锁：" + e.getMessage(), e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release();
  }

  private void release() {
    Connection connection = holder;
    holder = null;
    if (connection == null) {
      return;
    }
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      }
      connection.close();
    } catch (SQLException e) {
      // a pooled connection's close keeps its session (and the lock): abort it so that the pool discards it
      try {
        connection.abort(Runnable::run);
      } catch (SQLException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
    }
  }
}
