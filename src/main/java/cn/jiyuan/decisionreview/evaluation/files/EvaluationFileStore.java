package cn.jiyuan.decisionreview.evaluation.files;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Durable storage of an evaluation's materials and report in the project's tables, joined to the engine
 * transaction, so they outlive the process instance and its history clean-up.
 */
@Repository
public class EvaluationFileStore {

  public record StoredFile(String id, String processInstanceId, String decisionNumber, String fileName, String mimeType,
      long size, String uploadedBy, Instant uploadedAt) {}

  public record Content(String fileName, String mimeType, byte[] bytes) {}

  private final JdbcTemplate jdbc;

  public EvaluationFileStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public StoredFile addMaterial(String processInstanceId, String decisionNumber, String fileName, byte[] content,
      String uploadedBy) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    String mime = FileRules.mimeType(fileName);
    jdbc.update("INSERT INTO dr_evaluation_material (id, process_instance_id, decision_number, file_name, mime_type,"
            + " size_bytes, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, processInstanceId, decisionNumber, fileName, mime, content.length, content, uploadedBy, Timestamp.from(now));
    return new StoredFile(id, processInstanceId, decisionNumber, fileName, mime, content.length, uploadedBy, now);
  }

  public List<StoredFile> materials(String processInstanceId) {
    return jdbc.query("SELECT id, process_instance_id, decision_number, file_name, mime_type, size_bytes, uploaded_by,"
            + " uploaded_at FROM dr_evaluation_material WHERE process_instance_id = ? ORDER BY uploaded_at, file_name",
        (rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
        processInstanceId);
  }

  public Optional<Content> material(String processInstanceId, String materialId) {
    return jdbc.query("SELECT file_name, mime_type, content FROM dr_evaluation_material WHERE process_instance_id = ? AND id = ?",
        (rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), processInstanceId, materialId)
        .stream().findFirst();
  }

  public void saveReport(String processInstanceId, String decisionNumber, String fileName, byte[] content, boolean fin) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("UPDATE dr_evaluation_report SET decision_number = ?, file_name = ?, content = ?, is_final = ?,"
        + " updated_at = ? WHERE process_instance_id = ?", decisionNumber, fileName, content, fin, now, processInstanceId);
    if (updated == 0) {
      jdbc.update("INSERT INTO dr_evaluation_report (process_instance_id, decision_number, file_name, content, is_final,"
          + " updated_at) VALUES (?, ?, ?, ?, ?, ?)", processInstanceId, decisionNumber, fileName, content, fin, now);
    }
  }

  public Optional<Content> report(String processInstanceId) {
    return jdbc.query("SELECT file_name, content FROM dr_evaluation_report WHERE process_instance_id = ?",
        (rs, i) -> new Content(rs.getString(1), FileRules.mimeType(rs.getString(1)), rs.getBytes(2)), processInstanceId)
        .stream().findFirst();
  }
}
