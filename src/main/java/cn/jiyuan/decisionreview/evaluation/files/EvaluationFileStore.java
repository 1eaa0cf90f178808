package cn.jiyuan.decisionreview.evaluation.files;

import cn.jiyuan.decisionreview.download.ContentDispositions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Durable storage of an evaluation's materials and report in the project's tables, joined to the engine
 * transaction, so they outlive the process instance and its history clean-up.
 */
@Repository
public class EvaluationFileStore {

  /** A stored file without its content; {@code processInstanceId} is its owner (the evaluation, or the item). */
  public record StoredFile(String id, String processInstanceId, String decisionNumber, String fileName, String mimeType,
      long size, String uploadedBy, Instant uploadedAt) {}

  public record Content(String fileName, String mimeType, byte[] bytes) {

    /** The file as a download that keeps its Chinese name (see {@link ContentDispositions}). */
    public ResponseEntity<byte[]> attachment() {
      return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(fileName))
          .contentType(MediaType.parseMediaType(mimeType)).body(bytes);
    }
  }

  private final JdbcTemplate jdbc;
  private final FileTable materials;

  public EvaluationFileStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.materials = new FileTable(jdbc, "dr_evaluation_material", "process_instance_id");
  }

  public StoredFile addMaterial(String processInstanceId, String decisionNumber, String fileName, byte[] content,
      String uploadedBy) {
    return materials.add(processInstanceId, decisionNumber, fileName, content, uploadedBy);
  }

  public List<StoredFile> materials(String processInstanceId) {
    return materials.list(processInstanceId);
  }

  public Optional<Content> material(String processInstanceId, String materialId) {
    return materials.content(processInstanceId, materialId);
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
