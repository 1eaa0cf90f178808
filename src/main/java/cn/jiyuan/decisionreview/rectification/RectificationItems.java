package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.AuthorityItemDecision;
import cn.jiyuan.decisionreview.evaluation.RecommendationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code dr_rectification_item} (V13), written in the engine's transaction of the step that changes it. */
@Repository
public class RectificationItems {

  private static final String COLUMNS = "id, evaluation_instance_id, tracking_instance_id, decision_number, seq,"
      + " original_text, item_text, authority_decision, decided_by, responsible_unit, kind, deadline_working_days,"
      + " due_at, status, rectification_instance_id, measures, evidence, unit_status, unit_reason, reported_by,"
      + " reported_at, review_outcome, review_remark, reviewed_by, reviewed_at, return_count, created_at, closed_at";

  private final JdbcTemplate jdbc;

  public RectificationItems(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(RectificationItem i) {
    jdbc.update("INSERT INTO dr_rectification_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        i.id(), i.evaluationInstanceId(), i.trackingInstanceId(), i.decisionNumber(), i.seq(), i.originalText(),
        i.text(), i.authorityDecision().name(), i.decidedBy(), i.responsibleUnit(), i.kind().name(),
        i.deadlineWorkingDays(), ts(i.dueAt()), i.status().name(), i.rectificationInstanceId(), i.measures(),
        i.evidence(), name(i.unitStatus()), i.unitReason(), i.reportedBy(), ts(i.reportedAt()), name(i.reviewOutcome()),
        i.reviewRemark(), i.reviewedBy(), ts(i.reviewedAt()), i.returnCount(), ts(i.createdAt()), ts(i.closedAt()));
  }

  public void attachInstance(String id, String rectificationInstanceId) {
    jdbc.update("UPDATE dr_rectification_item SET rectification_instance_id = ? WHERE id = ?", rectificationInstanceId, id);
  }

  public void reported(String id, String measures, String evidence, UnitStatus unitStatus, String reason, String by,
      Instant at) {
    jdbc.update("UPDATE dr_rectification_item SET measures = ?, evidence = ?, unit_status = ?, unit_reason = ?,"
            + " reported_by = ?, reported_at = ?, status = ? WHERE id = ?", measures, evidence, unitStatus.name(), reason,
        by, ts(at), RectificationStatus.SUBMITTED.name(), id);
  }

  public void reviewed(String id, ReviewOutcome outcome, String remark, String by, Instant at) {
    boolean accepted = outcome == ReviewOutcome.ACCEPT;
    jdbc.update("UPDATE dr_rectification_item SET review_outcome = ?, review_remark = ?, reviewed_by = ?,"
            + " reviewed_at = ?, status = ?, closed_at = ?, return_count = return_count + ? WHERE id = ?",
        outcome.name(), remark, by, ts(at),
        (accepted ? RectificationStatus.CLOSED : RectificationStatus.RETURNED).name(), accepted ? ts(at) : null,
        accepted ? 0 : 1, id);
  }

  public Optional<RectificationItem> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_rectification_item WHERE id = ?", RectificationItems::row, id)
        .stream().findFirst();
  }

  public List<RectificationItem> ofEvaluation(String evaluationInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_rectification_item WHERE evaluation_instance_id = ? ORDER BY seq",
        RectificationItems::row, evaluationInstanceId);
  }

  public List<RectificationItem> ofTracking(String trackingInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_rectification_item WHERE tracking_instance_id = ?"
        + " ORDER BY created_at, evaluation_instance_id, seq", RectificationItems::row, trackingInstanceId);
  }

  public List<RectificationItem> ofDecision(String decisionNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_rectification_item WHERE decision_number = ?"
        + " ORDER BY created_at, evaluation_instance_id, seq", RectificationItems::row, decisionNumber);
  }

  /** Every item created before {@code until} (the 督办 page and the annual assessment count them per unit). */
  public List<RectificationItem> createdBefore(Instant until) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_rectification_item WHERE created_at < ? ORDER BY created_at",
        RectificationItems::row, ts(until));
  }

  public List<RectificationItem> ofDecisions(Collection<String> decisionNumbers) {
    if (decisionNumbers.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(decisionNumbers.size(), "?"));
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_rectification_item WHERE decision_number IN (" + marks + ")"
        + " ORDER BY created_at, evaluation_instance_id, seq", RectificationItems::row, decisionNumbers.toArray());
  }

  private static RectificationItem row(ResultSet rs, int n) throws SQLException {
    return new RectificationItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getString(6), rs.getString(7), AuthorityItemDecision.valueOf(rs.getString(8)), rs.getString(9),
        rs.getString(10), RecommendationKind.valueOf(rs.getString(11)), rs.getInt(12), instant(rs.getTimestamp(13)),
        RectificationStatus.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16), rs.getString(17),
        rs.getString(18) == null ? null : UnitStatus.valueOf(rs.getString(18)), rs.getString(19), rs.getString(20),
        instant(rs.getTimestamp(21)), rs.getString(22) == null ? null : ReviewOutcome.valueOf(rs.getString(22)),
        rs.getString(23), rs.getString(24), instant(rs.getTimestamp(25)), rs.getInt(26), instant(rs.getTimestamp(27)),
        instant(rs.getTimestamp(28)));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
