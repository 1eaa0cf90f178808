package cn.jiyuan.decisionreview.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders already made (table {@code dr_task_reminder}, one row per task): the deadline watch's reminder pass
 * reads only tasks without a row (an anti-join on the primary key), so a task reminded once, or one without anybody to
 * remind, is never read again. Like {@link EscalationLog}, the row comes first in the reminder's transaction.
 */
@Repository
public class ReminderLog {

  static final String TABLE = "dr_task_reminder";

  // INSERT … SELECT … WHERE NOT EXISTS as in NotificationOutbox: portable, and no failed statement for a committed row
  private static final String INSERT = "INSERT INTO dr_task_reminder (task_id, reminded_at) SELECT CAST(? AS VARCHAR(64)), "
      + "CAST(? AS TIMESTAMP) WHERE NOT EXISTS (SELECT 1 FROM dr_task_reminder WHERE task_id = ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  public ReminderLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Records the task's reminder in the caller's transaction; true when this call wrote it, and only then may the caller
   * write the reminder's notifications. Another node's uncommitted row ends in a unique violation behind a savepoint.
   */
  public boolean record(String taskId, Instant at) {
    try {
      return Boolean.TRUE.equals(savepoint.execute(status -> jdbc.update(INSERT, taskId, Timestamp.from(at), taskId) == 1));
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }
}
