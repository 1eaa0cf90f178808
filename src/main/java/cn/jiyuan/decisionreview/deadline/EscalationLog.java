package cn.jiyuan.decisionreview.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The 督办 record (table {@code dr_escalation}): one row each time an overdue task is escalated, level 1 first. The
 * deadline watch writes it; the supervision view and the audit trail read it.
 */
@Repository
public class EscalationLog {

  /** One escalation of one task. {@code recipients} as written to the outbox, joined by 、. */
  public record Escalation(String taskId, int level, String processInstanceId, String decisionNumber,
      Instant escalatedAt, int workingDaysOverdue, String recipients) {}

  private static final String COLUMNS = "task_id, escalation_level, process_instance_id, decision_number, escalated_at, "
      + "working_days_overdue, recipients";

  private final NamedParameterJdbcTemplate jdbc;

  public EscalationLog(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
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

  private static Escalation row(ResultSet rs, int n) throws SQLException {
    return new Escalation(rs.getString("task_id"), rs.getInt("escalation_level"), rs.getString("process_instance_id"),
        rs.getString("decision_number"), rs.getTimestamp("escalated_at").toInstant(), rs.getInt("working_days_overdue"),
        rs.getString("recipients"));
  }
}
