package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.CONSULTATIONS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.MIN_SURVEY_RESPONSES;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PROCEDURE_TYPE;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.QUESTIONNAIRE_DAYS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.QUESTIONNAIRE_ITEMS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.QUESTIONNAIRE_TITLE;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_CLOSES_AT;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_ID;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_RESPONSE_COUNT;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.SURVEY_SHORTFALL_REASON;
import static cn.jiyuan.decisionreview.shared.EvaluationHandOver.DECISION_NUMBER;
import static cn.jiyuan.decisionreview.shared.EvaluationHandOver.DECISION_TITLE;
import static cn.jiyuan.decisionreview.shared.EvaluationHandOver.EVALUATION_TYPE;

import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The participation steps of post-evaluation, one named bean each, attached in the model to the task they serve. */
@Configuration
public class ParticipationSteps {

  /**
   * 制定调查提纲和问卷 (complete): the questionnaire opens to the public in the same transaction, under a new
   * unguessable {@code surveyId}; the timer of 网上问卷征集 waits for {@code surveyClosesAt}.
   */
  @Bean
  TaskListener openSurvey(SurveyStore surveys, BeijingClock clock) {
    return task -> {
      Instant now = clock.instant();
      SurveyOpening.Evaluation evaluation = new SurveyOpening.Evaluation(task.getProcessInstanceId(),
          DECISION_NUMBER.get(task), DECISION_TITLE.get(task), EVALUATION_TYPE.get(task));
      Survey survey = SurveyOpening.open(Receipts.surveyId(), evaluation, QUESTIONNAIRE_TITLE.require(task),
          QUESTIONNAIRE_ITEMS.require(task), QUESTIONNAIRE_DAYS.require(task), now);
      surveys.create(survey);
      SURVEY_ID.set(task, survey.surveyId());
      SURVEY_CLOSES_AT.set(task, survey.closesAt().atZone(BeijingClock.ZONE).toOffsetDateTime().toString());
    };
  }

  /** 正式形成评估报告 (create): the form states the configured threshold it will be held to. */
  @Bean
  TaskListener prepareParticipationGate(ParticipationProperties properties) {
    return task -> MIN_SURVEY_RESPONSES.setLocal(task, properties.minSurveyResponses());
  }

  /** 正式形成评估报告 (complete): the participation quality gate of the full procedure. */
  @Bean
  TaskListener checkParticipationQuality(ParticipationProperties properties) {
    return task -> {
      if (PROCEDURE_TYPE.get(task) == Procedure.SIMPLIFIED) {
        return;
      }
      Integer responses = SURVEY_ID.get(task) == null ? null : SURVEY_RESPONSE_COUNT.find(task).orElse(0);
      ParticipationQualityGate.check(CONSULTATIONS.get(task), responses, SURVEY_SHORTFALL_REASON.get(task),
          properties.minSurveyResponses()).throwIfAny();
    };
  }
}
