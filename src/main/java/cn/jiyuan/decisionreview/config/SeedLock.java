package cn.jiyuan.decisionreview.config;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises start-up seeding across nodes that share one database: the work runs in one transaction
 * that first locks the row {@code dr_seed_lock.startup}. The engine joins that transaction, so a second
 * node waits, then sees the finished seed and finds nothing left to do.
 */
@Component
public class SeedLock {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public SeedLock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactionManager);
  }

  public void runLocked(Runnable work) {
    tx.executeWithoutResult(status -> {
      jdbc.queryForList("SELECT name FROM dr_seed_lock WHERE name = 'startup' FOR UPDATE");
      work.run();
      jdbc.update("UPDATE dr_seed_lock SET seeded_at = CURRENT_TIMESTAMP WHERE name = 'startup'");
    });
  }
}
