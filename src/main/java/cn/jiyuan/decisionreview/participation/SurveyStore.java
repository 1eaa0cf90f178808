package cn.jiyuan.decisionreview.participation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code dr_survey} and {@code dr_survey_response}. Surveys are written in the engine's transaction (the
 * step that opens or closes them); responses by the public API in their own, one statement each.
 */
@Repository
public class SurveyStore {

  static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
  private static final TypeReference<List<SurveyQuestion>> QUESTIONS = new TypeReference<>() {
  };
  private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
  };
  private static final String COLUMNS = "survey_id, process_instance_id, decision_number, decision_title, "
      + "evaluation_type, title, questions, opens_at, closes_at, closed_at";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final RowMapper<Survey> surveyRow = this::survey;

  public SurveyStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void create(Survey survey) {
    jdbc.update("INSERT INTO dr_survey (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        survey.surveyId(), survey.processInstanceId(), survey.decisionNumber(), survey.decisionTitle(),
        survey.evaluationType(), survey.title(), write(survey.questions()), Timestamp.from(survey.opensAt()),
        Timestamp.from(survey.closesAt()), survey.closedAt() == null ? null : Timestamp.from(survey.closedAt()),
        Timestamp.from(clock.instant()));
  }

  public Optional<Survey> find(String surveyId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_survey WHERE survey_id = ?", surveyRow, surveyId).stream()
        .findFirst();
  }

  public Optional<Survey> findByProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_survey WHERE process_instance_id = ?", surveyRow,
        processInstanceId).stream().findFirst();
  }

  /** Stops the survey taking answers from {@code at} on; a survey already closed keeps its first close. */
  public boolean close(String surveyId, Instant at) {
    return jdbc.update("UPDATE dr_survey SET closed_at = ? WHERE survey_id = ? AND closed_at IS NULL",
        Timestamp.from(at), surveyId) == 1;
  }

  /**
   * Stores one answer sheet. {@code answersHash} and {@code clientHash} let a resubmission of the same answers from
   * the same address be recognised ({@link #receiptOfSame}).
   */
  public void addResponse(SurveyResponse response, String answersHash, String clientHash) {
    jdbc.update("INSERT INTO dr_survey_response (receipt, survey_id, answers, answers_hash, client_hash, submitted_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", response.receipt(), response.surveyId(), write(response.answers()), answersHash,
        clientHash, Timestamp.from(response.submittedAt()));
  }

  /** The receipt of the same answers sent from the same address to this survey, if there is one. */
  public Optional<String> receiptOfSame(String surveyId, String clientHash, String answersHash) {
    return jdbc.queryForList("SELECT receipt FROM dr_survey_response WHERE survey_id = ? AND client_hash = ? AND "
        + "answers_hash = ?", String.class, surveyId, clientHash, answersHash).stream().findFirst();
  }

  public int responseCount(String surveyId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dr_survey_response WHERE survey_id = ?", Integer.class,
        surveyId);
    return count == null ? 0 : count;
  }

  /** Every answer sheet of the survey, oldest first; no address data leaves this class. */
  public List<SurveyResponse> responses(String surveyId) {
    return jdbc.query("SELECT receipt, survey_id, answers, submitted_at FROM dr_survey_response WHERE survey_id = ? "
        + "ORDER BY submitted_at, receipt", (rs, i) -> new SurveyResponse(rs.getString(1), rs.getString(2),
            read(rs.getString(3), ANSWERS), rs.getTimestamp(4).toInstant()), surveyId);
  }

  /** Art. 23: answers older than the retention are deleted. */
  public int deleteResponsesBefore(Instant cutoff) {
    return jdbc.update("DELETE FROM dr_survey_response WHERE submitted_at < ?", Timestamp.from(cutoff));
  }

  private Survey survey(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp(10);
    return new Survey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), read(rs.getString(7), QUESTIONS), rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9).toInstant(), closed == null ? null : closed.toInstant());
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dr_survey 中的数据无法读取", e);
    }
  }
}
