package cn.jiyuan.decisionreview.evaluation.files;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One table of uploaded files that belong to an owner (an evaluation's materials, a rectification item's evidence):
 * the same columns, the same insert, listing and read, so every feature that keeps files keeps them alike. Writes
 * join the caller's transaction (the engine's, in a task listener), so a refused completion leaves no file behind.
 */
public final class FileTable {

  private final JdbcTemplate jdbc;
  private final String table;
  private final String ownerColumn;

  /** {@code table} and {@code ownerColumn} are constants of the calling store, never user input. */
  public FileTable(JdbcTemplate jdbc, String table, String ownerColumn) {
    this.jdbc = jdbc;
    this.table = table;
    this.ownerColumn = ownerColumn;
  }

  public EvaluationFileStore.StoredFile add(String ownerId, String decisionNumber, String fileName, byte[] content,
      String uploadedBy) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    String mime = FileRules.mimeType(fileName);
    jdbc.update("INSERT INTO " + table + " (id, " + ownerColumn + ", decision_number, file_name, mime_type,"
            + " size_bytes, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, ownerId, decisionNumber, fileName, mime, content.length, content, uploadedBy, Timestamp.from(now));
    return new EvaluationFileStore.StoredFile(id, ownerId, decisionNumber, fileName, mime, content.length, uploadedBy,
        now);
  }

  /** The owner's files without their content, oldest first. */
  public List<EvaluationFileStore.StoredFile> list(String ownerId) {
    return jdbc.query("SELECT id, " + ownerColumn + ", decision_number, file_name, mime_type, size_bytes, uploaded_by,"
            + " uploaded_at FROM " + table + " WHERE " + ownerColumn + " = ? ORDER BY uploaded_at, file_name",
        (rs, i) -> new EvaluationFileStore.StoredFile(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
        ownerId);
  }

  public int count(String ownerId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + ownerColumn + " = ?", Integer.class,
        ownerId);
    return n == null ? 0 : n;
  }

  /** One file of the owner with its content; empty when the id is not the owner's. */
  public Optional<EvaluationFileStore.Content> content(String ownerId, String fileId) {
    return jdbc.query("SELECT file_name, mime_type, content FROM " + table + " WHERE " + ownerColumn + " = ? AND id = ?",
        (rs, i) -> new EvaluationFileStore.Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), ownerId, fileId)
        .stream().findFirst();
  }
}
