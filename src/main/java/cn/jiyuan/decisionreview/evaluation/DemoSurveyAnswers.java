package cn.jiyuan.decisionreview.evaluation;

/**
 * Demo profile: citizens' answers to an evaluation's online questionnaire, as if they had come in through the public
 * page. Declared here and provided by the participation feature, which owns the answers, so that the demo data of
 * evaluation can show a questionnaire with responses without depending on it.
 */
public interface DemoSurveyAnswers {

  /** Stores {@code count} plausible answer sheets to the open questionnaire of {@code processInstanceId}. */
  void answer(String processInstanceId, int count);
}
