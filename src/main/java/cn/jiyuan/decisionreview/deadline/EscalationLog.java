package cn.jiyuan.decisionreview.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 督办 record (table {@code dr_escalation}): one row each time an overdue task is escalated, level 1 first. The
 * deadline watch writes it and remembers by it: only a task's latest row has a {@code next_escalation_at}, the time the
 * next level is due; it is cleared when the task is completed or deleted. The supervision view and the audit trail
 * read it.
 */
@Repository
public class EscalationLog {

  /**
   * One escalation of one task. {@code recipients} as written to the outbox, joined by 、 (webhooks by host only: their
   * URLs carry keys). {@code nextEscalationAt}: when the next level is due; null once the task stopped waiting, or for
   * every row but the latest.
   */
  public record Escalation(String taskId, int level, String processInstanceId, String decisionNumber,
      Instant escalatedAt, int workingDaysOverdue, String recipients, Instant nextEscalationAt) {

    public Escalation(String taskId, int level, String processInstanceId, String decisionNumber, Instant escalatedAt,
        int workingDaysOverdue, String recipients) {
      this(taskId, level, processInstanceId, decisionNumber, escalatedAt, workingDaysOverdue, recipients, null);
    }
  }

  private static final String COLUMNS = "task_id, escalation_level, process_instance_id, decision_number, escalated_at, "
      + "working_days_overdue, recipients, next_escalation_at";

  // INSERT … SELECT … WHERE NOT EXISTS as in NotificationOutbox: portable, and no failed statement for a committed row
  private static final String INSERT = "INSERT INTO dr_escalation (" + COLUMNS + ") SELECT CAST(:task AS VARCHAR(64)), "
      + "CAST(:level AS INT), CAST(:pi AS VARCHAR(64)), CAST(:number AS VARCHAR(200)), CAST(:at AS TIMESTAMP), "
      + "CAST(:late AS INT), CAST(:recipients AS VARCHAR(2000)), CAST(:next AS TIMESTAMP) "
      + "WHERE NOT EXISTS (SELECT 1 FROM dr_escalation WHERE task_id = :task AND escalation_level = :level)";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  public EscalationLog(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The escalations of these tasks, oldest first. */
  public List<Escalation> forTasks(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_escalation WHERE task_id IN (:ids) ORDER BY escalated_at, "
        + "escalation_level", new MapSqlParameterSource("ids", taskIds), EscalationLog::row);
  }

  /** The escalations of one process instance's tasks, oldest first. */
  public List<Escalation> forProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_escalation WHERE process_instance_id = :pi ORDER BY escalated_at, "
        + "escalation_level", new MapSqlParameterSource("pi", processInstanceId), EscalationLog::row);
  }

  /**
   * Records one level in the caller's transaction unless it is recorded already (by this node or another); true when
   * this call wrote it. Only then may the caller write the level's notifications, in the same transaction: the primary
   * key (task, level) makes the row, and so its notifications, exactly once across nodes. The earlier levels stop
   * waiting. A race with another node's uncommitted row ends in a unique violation behind a savepoint (see
   * {@code NotificationOutbox#enqueue}), so the caller's transaction stays usable.
   */
  public boolean record(Escalation e) {
    MapSqlParameterSource row = new MapSqlParameterSource("task", e.taskId()).addValue("level", e.level())
        .addValue("pi", e.processInstanceId()).addValue("number", e.decisionNumber())
        .addValue("at", Timestamp.from(e.escalatedAt())).addValue("late", e.workingDaysOverdue())
        .addValue("recipients", truncate(e.recipients(), 2000))
        .addValue("next", e.nextEscalationAt() == null ? null : Timestamp.from(e.nextEscalationAt()));
    int inserted;
    try {
      inserted = savepoint.execute(status -> jdbc.update(INSERT, row));
    } catch (DuplicateKeyException raced) {
      return false; // another node recorded this level first
    }
    if (inserted == 0) {
      return false;
    }
    jdbc.update("UPDATE dr_escalation SET next_escalation_at = NULL WHERE task_id = :task AND escalation_level < :level "
        + "AND next_escalation_at IS NOT NULL", row);
    return true;
  }

  /** Latest levels whose next escalation is due at {@code now}, the longest waiting first, at most {@code limit}. */
  public List<Escalation> due(Instant now, int limit) {
    NamedParameterJdbcTemplate limited = new NamedParameterJdbcTemplate(limit(limit));
    return limited.query("SELECT " + COLUMNS + " FROM dr_escalation WHERE next_escalation_at <= :now "
        + "ORDER BY next_escalation_at, task_id", new MapSqlParameterSource("now", Timestamp.from(now)),
        EscalationLog::row);
  }

  /** Highest recorded level per task, for those of {@code taskIds} that have one. */
  public Map<String, Integer> levels(Collection<String> taskIds) {
    Map<String, Integer> levels = new HashMap<>();
    if (!taskIds.isEmpty()) {
      jdbc.query("SELECT task_id, MAX(escalation_level) AS lvl FROM dr_escalation WHERE task_id IN (:ids) GROUP BY task_id",
          new MapSqlParameterSource("ids", taskIds), rs -> {
            levels.put(rs.getString("task_id"), rs.getInt("lvl"));
          });
    }
    return levels;
  }

  /** The task waits for no further level: completed, deleted, or without a due date. Returns the rows changed. */
  public int stop(String taskId) {
    return jdbc.update("UPDATE dr_escalation SET next_escalation_at = NULL WHERE task_id = :task "
        + "AND next_escalation_at IS NOT NULL", new MapSqlParameterSource("task", taskId));
  }

  /** The latest level waits until {@code next} instead, e.g. the due date was extended or the task is suspended. */
  public void postpone(String taskId, int level, Instant next) {
    jdbc.update("UPDATE dr_escalation SET next_escalation_at = :next WHERE task_id = :task AND escalation_level = :level "
        + "AND next_escalation_at IS NOT NULL", new MapSqlParameterSource("task", taskId).addValue("level", level)
        .addValue("next", Timestamp.from(next)));
  }

  private JdbcTemplate limit(int limit) {
    JdbcTemplate template = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
    template.setMaxRows(limit);
    return template;
  }

  private static Escalation row(ResultSet rs, int n) throws SQLException {
    Timestamp next = rs.getTimestamp("next_escalation_at");
    return new Escalation(rs.getString("task_id"), rs.getInt("escalation_level"), rs.getString("process_instance_id"),
        rs.getString("decision_number"), rs.getTimestamp("escalated_at").toInstant(), rs.getInt("working_days_overdue"),
        rs.getString("recipients"), next == null ? null : next.toInstant());
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
