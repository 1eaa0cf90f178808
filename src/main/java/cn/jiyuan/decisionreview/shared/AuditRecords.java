package cn.jiyuan.decisionreview.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The part of the Art. 24 audit trail the engine history does not keep (table {@code dr_audit_record}, V8): file
 * downloads, refused task submissions, access grants. Append-only: there is no update or delete, here or anywhere.
 */
@Repository
public class AuditRecords {

  /** One row as stored; {@code target} and {@code details} as the writer gave them. */
  public record Row(long id, String processInstanceId, Instant recordedAt, String userId, AuditAction action,
      String target, String details) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separately;
  private final BeijingClock clock;

  public AuditRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions, BeijingClock clock) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** In the caller's transaction: the record stands or falls with what it records (e.g. a grant made by a step). */
  public void record(String processInstanceId, String userId, AuditAction action, String target, String details) {
    if (processInstanceId == null) {
      return;
    }
    jdbc.update("INSERT INTO dr_audit_record (process_instance_id, recorded_at, user_id, action, target, details) "
        + "VALUES (?, ?, ?, ?, ?, ?)", processInstanceId, Timestamp.from(clock.instant()), userId, action.name(),
        cut(target, 500), cut(details, 4000));
  }

  /** Art. 23, 24: who took which file ({@code what}: 材料, 评估报告, 整改佐证材料 …) out of the system, and when. */
  public void fileDownloaded(String processInstanceId, String userId, String what, String fileName, int bytes) {
    record(processInstanceId, userId, AuditAction.FILE_DOWNLOADED, fileName,
        "下载" + what + "“" + fileName + "”（" + bytes + " 字节）");
  }

  /**
   * In a transaction of its own, for what is recorded because the caller's work is refused and rolled back (the one
   * deliberate exception to "a refused call changes nothing": the refusal itself is kept).
   */
  public void recordSeparately(String processInstanceId, String userId, AuditAction action, String target,
      String details) {
    separately.executeWithoutResult(status -> record(processInstanceId, userId, action, target, details));
  }

  /** One evaluation's rows, oldest first. */
  public List<Row> forProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT id, process_instance_id, recorded_at, user_id, action, target, details "
        + "FROM dr_audit_record WHERE process_instance_id = ? ORDER BY recorded_at, id", AuditRecords::row,
        processInstanceId);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
        AuditAction.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
