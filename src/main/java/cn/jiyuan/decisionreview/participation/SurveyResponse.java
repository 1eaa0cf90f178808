package cn.jiyuan.decisionreview.participation;

import java.time.Instant;
import java.util.Map;

/**
 * One stored answer sheet. {@code answers} are validated against the survey's questions before they are stored:
 * question id → Integer (SCALE), String (SINGLE, TEXT) or List of String (MULTIPLE).
 */
public record SurveyResponse(String receipt, String surveyId, Map<String, Object> answers, Instant submittedAt) {
}
