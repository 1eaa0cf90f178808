package cn.jiyuan.decisionreview.config;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Serialises the engine's schema creation across nodes that start together on one empty PostgreSQL database.
 * Camunda's {@code schema-update} takes no lock: two nodes creating {@code ACT_*} at the same moment collide on
 * PostgreSQL's catalog ("duplicate key … pg_type_typname_nsp_index") and the second node fails to start. The
 * {@link SchemaLock} is held from the end of the engine's configuration until the engine is built, so the second
 * node waits and then finds the schema in place. The deployment and the seeding are serialised by Camunda's
 * deployment lock and {@link SeedLock}.
 */
@Component
public class SchemaCreationLock extends AbstractProcessEnginePlugin {

  private SchemaLock lock;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try {
      lock = SchemaLock.acquire(configuration.getDataSource());
    } catch (SQLException e) {
      throw new ProcessEngineException("无法获取数据库结构初始化锁：" + e.getMessage(), e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }
}
