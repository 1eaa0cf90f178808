package cn.jiyuan.decisionreview.identity;

import cn.jiyuan.decisionreview.config.FlywaySchemaLock;
import cn.jiyuan.decisionreview.config.SeedLock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Seeds identity, authorizations and filters once all beans exist and Flyway's migration (which runs beside the
 * engine's build, {@link FlywaySchemaLock}) has finished, and before the web server accepts requests, under the
 * cross-node {@link SeedLock}.
 */
@Component
@DependsOn("flywayInitializer")
public class StartupSeeding implements SmartInitializingSingleton {

  private final FlywaySchemaLock migration;
  private final SeedLock seedLock;
  private final IdentitySeeder identity;
  private final AuthorizationSeeder authorizations;
  private final TasklistFilterSeeder filters;

  public StartupSeeding(FlywaySchemaLock migration, SeedLock seedLock, IdentitySeeder identity, AuthorizationSeeder authorizations,
      TasklistFilterSeeder filters, AdminAccountGuard guard) {
    this.migration = migration;
    this.seedLock = seedLock;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    migration.awaitMigrated();
    seed();
  }

  public void seed() {
    seedLock.runLocked(() -> {
      identity.seed();
      authorizations.seed();
      filters.seed();
    });
  }
}
