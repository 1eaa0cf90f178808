package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.CONSULTATIONS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_ID;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_RESPONSE_COUNT;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_RESULTS;

import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.evaluation.SurveyResults;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.ScoreText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * 汇总问卷结果 (Art. 12): closes the survey, aggregates its answer sheets into process variables and enters the 网上问卷
 * channel in the consultation record, so that the team adds only the channels the system cannot see.
 */
@Service
public class SurveyClosing {

  /** The {@code EvaluationCodes.CHANNELS} code of the online questionnaire. */
  public static final String ONLINE_SURVEY = "ONLINE_SURVEY";

  private final SurveyStore store;
  private final SurveyAggregation aggregation;
  private final BeijingClock clock;

  public SurveyClosing(SurveyStore store, SurveyAggregation aggregation, BeijingClock clock) {
    this.store = store;
    this.aggregation = aggregation;
    this.clock = clock;
  }

  /** The evaluation's survey, with the answer sheets it took while open. */
  public record Answered(Survey survey, List<SurveyResponse> responses) {
  }

  /**
   * The sheets received before the survey ended; one that raced a close is not counted, so that live figures and
   * the final aggregate agree.
   */
  public Answered answered(Survey survey) {
    Instant end = survey.endedAt();
    return new Answered(survey, store.responses(survey.surveyId()).stream()
        .filter(r -> r.submittedAt().isBefore(end)).toList());
  }

  public void closeAndAggregate(VariableScope execution) {
    String surveyId = SURVEY_ID.get(execution);
    Survey survey = (surveyId == null ? null : store.find(surveyId).orElse(null));
    if (survey == null) {
      throw new IllegalStateException("该评估没有网上问卷，无法汇总问卷结果（surveyId=" + surveyId + "）");
    }
    if (survey.closedAt() == null) {
      // ended by its timer, or by the message without the staff API (which closes first): no answer after now
      Instant now = clock.instant();
      Instant end = now.isBefore(survey.closesAt()) ? now : survey.closesAt();
      store.close(surveyId, end);
      survey = store.find(surveyId).orElseThrow();
    }
    Answered answered = answered(survey);
    SurveyResults results = aggregation.aggregate(survey, answered.responses(), survey.endedAt());
    SURVEY_RESULTS.set(execution, results);
    SURVEY_RESPONSE_COUNT.set(execution, results.responseCount());
    Consultation online = Consultation.of(ONLINE_SURVEY, survey.endedAt().atZone(BeijingClock.ZONE).toLocalDate(),
        results.responseCount(), aggregation.textOpinions(survey, answered.responses()), summary(results));
    CONSULTATIONS.set(execution, withOnlineSurvey(CONSULTATIONS.get(execution), online));
  }

  /** The record with exactly one 网上问卷 entry: an earlier one is replaced in its place, the others are kept. */
  static List<Consultation> withOnlineSurvey(List<Consultation> existing, Consultation online) {
    List<Consultation> result = new ArrayList<>();
    boolean placed = false;
    for (Consultation c : existing == null ? List.<Consultation>of() : existing) {
      if (c != null && ONLINE_SURVEY.equals(c.channel())) {
        if (!placed) {
          result.add(online);
          placed = true;
        }
      } else if (c != null) {
        result.add(c);
      }
    }
    if (!placed) {
      result.add(online);
    }
    return result;
  }

  /** E.g. 网上问卷自动汇总：共收到 36 份答卷；公众知晓率 91.7%；各维度满意度得分：合法性与协调性 80.0 分、…。 */
  static String summary(SurveyResults results) {
    StringBuilder s = new StringBuilder("网上问卷自动汇总：共收到 ").append(results.responseCount()).append(" 份答卷");
    if (results.awareness() != null) {
      s.append("；公众知晓率 ").append(String.format(Locale.ROOT, "%.1f%%", results.awareness() * 100));
    }
    List<String> scores = results.dimensions().stream().filter(d -> d.score() != null)
        .map(d -> d.label() + " " + ScoreText.of(d.score())).toList();
    if (!scores.isEmpty()) {
      s.append("；各维度满意度得分：").append(String.join("、", scores));
    } else if (results.dimensions().stream().anyMatch(d -> d.answers() > 0)) {
      s.append("；满意度题目均答“不清楚”");
    }
    return s.append("。").toString();
  }
}
