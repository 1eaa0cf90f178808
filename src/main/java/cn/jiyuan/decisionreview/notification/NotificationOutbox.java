package cn.jiyuan.decisionreview.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table {@code dr_notification}. {@link #enqueue} writes in the caller's transaction (a process
 * step, i.e. the engine's Spring transaction), so the step and its notification commit or roll back together;
 * {@link NotificationSender} delivers later, outside any engine transaction.
 */
@Repository
public class NotificationOutbox {

  private static final String INSERT = """
      INSERT INTO dr_notification (id, kind, task_id, process_instance_id, decision_number, channel, recipient,
        subject, body, status, attempts, next_attempt_at, created_at, dedupe_key)
      SELECT ?, ?, CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(200)), ?, ?, ?, ?,
        'PENDING', 0, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?
      WHERE NOT EXISTS (SELECT 1 FROM dr_notification WHERE dedupe_key = ?)""";

  static final String COLUMNS = "id, kind, task_id, process_instance_id, decision_number, channel, recipient, "
      + "subject, body, status, attempts, next_attempt_at, last_error, created_at, sent_at";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  /** @param clock the application's BeijingClock: a reminder is dated when the engine decided it was due */
  public NotificationOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /**
   * Adds {@code n} as PENDING, due now, in the caller's transaction. A notification whose
   * {@link Notification#dedupeKey()} is already in the outbox is silently ignored.
   *
   * <p>Why both NOT EXISTS and a savepoint: on PostgreSQL a failed statement aborts the whole transaction, so
   * the caller's process step could not commit after a unique-key violation, even if we caught it. The
   * {@code INSERT … SELECT … WHERE NOT EXISTS} form (portable to H2 and PostgreSQL, unlike ON CONFLICT / MERGE)
   * never fails for a key that is already committed, the usual duplicate. Only a race — another node inserting
   * the same key in a transaction not yet committed — still ends in a unique violation; for that case the
   * insert runs behind a savepoint (PROPAGATION_NESTED joins the caller's transaction, or starts one if there
   * is none), which is rolled back before the {@link DuplicateKeyException} is swallowed, so the caller's
   * transaction stays usable on both databases.
   */
  public void enqueue(Notification n) {
    Timestamp now = Timestamp.from(clock.instant());
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(INSERT, n.id(), n.kind().name(), n.taskId(),
          n.processInstanceId(), n.decisionNumber(), n.channel().name(), n.recipient(), truncate(n.subject(), 500),
          truncate(n.body(), 8000), now, now, n.dedupeKey(), n.dedupeKey()));
    } catch (DuplicateKeyException raced) {
      // Another transaction inserted the same dedupe key first: at most once is what we want.
    }
  }

  /** Cancels the PENDING notifications of a task (e.g. completed before delivery); returns how many. */
  public int cancelForTask(String taskId) {
    return jdbc.update("UPDATE dr_notification SET status = 'CANCELLED' WHERE task_id = ? AND status = 'PENDING'",
        taskId);
  }

  /** Newest first, at most {@code limit}; all statuses when {@code status} is null. */
  public List<Map<String, Object>> list(Notification.Status status, int limit) {
    JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
    limited.setMaxRows(limit);
    String sql = "SELECT " + COLUMNS + " FROM dr_notification"
        + (status == null ? "" : " WHERE status = ?") + " ORDER BY created_at DESC, id";
    return status == null ? limited.queryForList(sql) : limited.queryForList(sql, status.name());
  }

  public Optional<Map<String, Object>> find(String id) {
    return jdbc.queryForList("SELECT " + COLUMNS + " FROM dr_notification WHERE id = ?", id).stream().findFirst();
  }

  /** FAILED → PENDING with attempts 0, due now. False if the row is missing or not FAILED. */
  public boolean retry(String id) {
    return jdbc.update("UPDATE dr_notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
        + "last_error = NULL WHERE id = ? AND status = 'FAILED'", Timestamp.from(clock.instant()), id) == 1;
  }

  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
