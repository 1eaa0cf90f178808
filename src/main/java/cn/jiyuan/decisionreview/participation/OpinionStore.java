package cn.jiyuan.decisionreview.participation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code dr_public_opinion}: one statement per opinion, outside the engine (the public page may be busy,
 * and an opinion is no process variable). Decision numbers are stored in their canonical spelling.
 */
@Repository
public class OpinionStore {

  private final JdbcTemplate jdbc;

  public OpinionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(PublicOpinion opinion, String clientHash) {
    jdbc.update("INSERT INTO dr_public_opinion (receipt, decision_number, category, opinion_text, contact, client_hash,"
        + " submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)", opinion.receipt(), opinion.decisionNumber(),
        opinion.category().name(), opinion.text(), opinion.contact(), clientHash, Timestamp.from(opinion.submittedAt()));
  }

  /** Opinions on the decision submitted at or after {@code since} (the Art. 8(3) rolling window). */
  public int countSince(String decisionNumber, Instant since) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dr_public_opinion WHERE decision_number = ? AND "
        + "submitted_at >= ?", Integer.class, decisionNumber, Timestamp.from(since));
    return count == null ? 0 : count;
  }

  /** Every opinion on the decision, newest first. */
  public List<PublicOpinion> of(String decisionNumber) {
    return jdbc.query("SELECT receipt, decision_number, category, opinion_text, contact, submitted_at FROM "
        + "dr_public_opinion WHERE decision_number = ? ORDER BY submitted_at DESC, receipt", (rs, i) ->
        new PublicOpinion(rs.getString(1), rs.getString(2), OpinionCategory.valueOf(rs.getString(3)), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()), decisionNumber);
  }

  /** Art. 23: opinions older than the retention are deleted. */
  public int deleteBefore(Instant cutoff) {
    return jdbc.update("DELETE FROM dr_public_opinion WHERE submitted_at < ?", Timestamp.from(cutoff));
  }
}
