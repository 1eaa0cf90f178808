package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.DECISION_NUMBER;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.DECISION_TITLE;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.EVALUATION_GRADE;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.EVALUATION_OUTCOME;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.EVALUATION_TYPE;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLIC_KEY_FINDINGS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLIC_SUMMARY;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLISH_SUMMARY;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.FormValues;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Published evaluation summaries (Art. 16 openness, issue 11 item 7): written in the engine's transaction when an
 * approved evaluation's approval is recorded and the authority chose to publish; read by the public page. Only
 * what the authority wrote for the public is stored — never the report, names or internal notes.
 */
@Service
public class PublishedSummaries {

  private static final String COLUMNS = "process_instance_id, decision_number, decision_title, evaluation_type, "
      + "grade, outcome, key_findings, summary, approved_at, show_rectification";

  private final JdbcTemplate jdbc;
  private final BeijingClock clock;

  public PublishedSummaries(JdbcTemplate jdbc, BeijingClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The summary of the evaluation {@code execution} belongs to, if the authority chose to publish one. Idempotent:
   * the process instance is the key, and a second run rewrites the same row.
   */
  public Optional<PublishedSummary> publishFrom(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(PUBLISH_SUMMARY.get(execution))) {
      return Optional.empty();
    }
    String summary = FormValues.text(PUBLIC_SUMMARY.get(execution));
    if (summary == null) {
      // The form rule refuses this at 决策机关审定; an instance from before the rule publishes nothing rather than a blank.
      return Optional.empty();
    }
    PublishedSummary published = new PublishedSummary(execution.getProcessInstanceId(), DECISION_NUMBER.get(execution),
        DECISION_TITLE.get(execution), EVALUATION_TYPE.get(execution), EVALUATION_GRADE.get(execution),
        EVALUATION_OUTCOME.get(execution), FormValues.text(PUBLIC_KEY_FINDINGS.get(execution)), summary,
        clock.instant(), Boolean.TRUE.equals(
            cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLISH_RECTIFICATION_PROGRESS.get(execution)));
    save(published);
    return Optional.of(published);
  }

  void save(PublishedSummary s) {
    Timestamp approvedAt = Timestamp.from(s.approvedAt());
    int updated = jdbc.update("UPDATE dr_published_summary SET decision_number = ?, decision_title = ?, "
        + "evaluation_type = ?, grade = ?, outcome = ?, key_findings = ?, summary = ?, approved_at = ?, "
        + "show_rectification = ? WHERE process_instance_id = ?", s.decisionNumber(), s.decisionTitle(),
        s.evaluationType(), s.grade(), s.outcome(), s.keyFindings(), s.summary(), approvedAt, s.showRectification(),
        s.processInstanceId());
    if (updated == 0) {
      jdbc.update("INSERT INTO dr_published_summary (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          s.processInstanceId(), s.decisionNumber(), s.decisionTitle(), s.evaluationType(), s.grade(), s.outcome(),
          s.keyFindings(), s.summary(), approvedAt, s.showRectification());
    }
  }

  /** Every published summary, newest approval first. */
  public List<PublishedSummary> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_published_summary ORDER BY approved_at DESC, "
        + "process_instance_id", (rs, i) -> new PublishedSummary(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getTimestamp(9).toInstant(), rs.getBoolean(10)));
  }
}
