package cn.jiyuan.decisionreview.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migration under the {@link SchemaLock}, on a thread of its own while the context goes on building
 * the process engine.
 *
 * <p>The lock: Flyway's own lock covers the migrations but not its first look at the schema. A node that finds the
 * other node's {@code ACT_*} tables but no {@code dr_schema_history} decides to baseline, and fails ("already
 * exists, and is empty") when the other node created the history table a moment later (seen in {@code .ci/cluster}
 * b). Under the shared lock the second node sees the finished history and has nothing to do.
 *
 * <p>The thread: the migrations touch only the project's {@code dr_*} tables and the engine only its {@code ACT_*}
 * tables, and nothing reads a {@code dr_*} table before the start-up seeding, which waits here first ({@link
 * #awaitMigrated}); everything else that reads them at start-up runs when the application is ready, after the
 * seeding. So Flyway's second of work at start-up overlaps the engine's build instead of preceding it. A failed
 * migration still stops the start-up, from {@link #awaitMigrated}.
 */
@Component
public class FlywaySchemaLock implements FlywayMigrationStrategy {

  private volatile CompletableFuture<Void> migration = CompletableFuture.completedFuture(null);

  @Override
  public void migrate(Flyway flyway) {
    CompletableFuture<Void> next = new CompletableFuture<>();
    migration = next;
    Thread thread = new Thread(() -> {
      try (SchemaLock lock = SchemaLock.acquire(flyway.getConfiguration().getDataSource())) {
        flyway.migrate();
        next.complete(null);
      } catch (Throwable e) {
        next.completeExceptionally(e);
      }
    }, "flyway-migrate");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the last migration started; throws its failure. */
  public void awaitMigrated() {
    try {
      migration.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new FlywayException("数据库迁移失败：" + cause.getMessage(), cause);
    }
  }
}
