package cn.jiyuan.decisionreview.evaluation;

/** The messages post-evaluation waits for, by the name the model gives them. */
public final class EvaluationMessages {

  /** Staff end the online questionnaire before its window ends; {@code Task_CollectSurveyResponses} waits for it. */
  public static final String SURVEY_CLOSED_EARLY = "SurveyClosedEarly";

  private EvaluationMessages() {
  }
}
