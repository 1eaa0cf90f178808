package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class PublicSurveysTest {

  JdbcTemplate jdbc;
  SurveyStore store;
  PublicSurveys surveys;
  Survey survey;
  Instant now = Instant.now();

  @BeforeEach
  void setUp() {
    jdbc = ParticipationDatabase.fresh();
    store = new SurveyStore(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    surveys = new PublicSurveys(store);
    survey = ParticipationDatabase.survey(now, Duration.ofDays(7));
    store.create(survey);
  }

  static Map<String, Object> answers(int scale) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("q1", scale);
    answers.put("q2", "政府网站");
    answers.put("q3", List.of("宣传"));
    return answers;
  }

  @Test
  void aSurveyIsRecordedAtTheEngineClocksTimeNotTheWallClocks() {
    Instant engineTime = Instant.parse("2026-03-02T01:00:00Z");
    SurveyStore atEngineTime = new SurveyStore(jdbc, Clock.fixed(engineTime, ZoneOffset.UTC));
    Survey another = ParticipationDatabase.survey(engineTime, Duration.ofDays(7));
    atEngineTime.create(another);
    assertThat(jdbc.queryForObject("SELECT created_at FROM dr_survey WHERE survey_id = ?", Timestamp.class,
        another.surveyId()).toInstant()).isEqualTo(engineTime);
  }

  @Test
  void aSheetIsStoredWithItsReceipt() {
    String receipt = surveys.submit(survey, answers(4), "client-a", now);
    assertThat(store.responses(survey.surveyId())).singleElement().satisfies(r -> {
      assertThat(r.receipt()).isEqualTo(receipt);
      assertThat(r.answers()).isEqualTo(answers(4));
    });
  }

  @Test
  void theSameAnswersFromTheSameAddressAreStoredOnce() {
    String first = surveys.submit(survey, answers(4), "client-a", now);
    assertThat(surveys.submit(survey, answers(4), "client-a", now)).isEqualTo(first);
    // also after a restart (nothing remembered in memory)
    assertThat(new PublicSurveys(store).submit(survey, answers(4), "client-a", now)).isEqualTo(first);
    assertThat(surveys.submit(survey, answers(3), "client-a", now)).isNotEqualTo(first);
    assertThat(surveys.submit(survey, answers(4), "client-b", now)).isNotEqualTo(first);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(3);
  }

  @Test
  void concurrentIdenticalSubmissionsAreStoredOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> receipts = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        receipts.add(pool.submit(() -> surveys.submit(survey, answers(5), "client-x", now)));
      }
      String first = receipts.get(0).get();
      for (Future<String> receipt : receipts) {
        assertThat(receipt.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(1);
  }

  @Test
  void theAnswersHashDoesNotDependOnTheOrderOfQuestions() {
    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("q3", List.of("宣传"));
    reversed.put("q2", "政府网站");
    reversed.put("q1", 4);
    assertThat(PublicSurveys.answersHash(reversed)).isEqualTo(PublicSurveys.answersHash(answers(4)))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void aCloseIsSeenWithinTheCacheLifetime() throws InterruptedException {
    assertThat(surveys.find(survey.surveyId())).get().satisfies(s -> assertThat(s.closedAt()).isNull());
    store.close(survey.surveyId(), now);
    Thread.sleep(PublicSurveys.SURVEY_TTL.toMillis() + 200);
    assertThat(surveys.find(survey.surveyId())).get().satisfies(s -> assertThat(s.closedAt()).isNotNull());
  }

  @Test
  void idsThatCannotBeSurveyIdsAreNotLookedUp() {
    assertThat(surveys.find(null)).isEmpty();
    assertThat(surveys.find("short")).isEmpty();
    assertThat(surveys.find("x".repeat(65))).isEmpty();
    assertThat(surveys.find("abcdefghijklmnop'; DROP TABLE dr_survey; --")).isEmpty();
    assertThat(surveys.find(Receipts.surveyId())).isEmpty();
  }
}
