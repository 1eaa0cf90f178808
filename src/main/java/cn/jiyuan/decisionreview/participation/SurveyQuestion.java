package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.QuestionType;
import java.util.List;

/**
 * One question as the public sees it (contract of {@code GET /public/api/surveys/{id}}).
 *
 * @param id stable within the survey: {@code q1}, {@code q2}, … in the order the team designed them
 * @param options the choices of a SINGLE or MULTIPLE question; empty for SCALE (its fixed scale is
 *     {@link SurveyScale}) and TEXT
 * @param dimension an Art. 7 {@code Dimension} name, or null
 */
public record SurveyQuestion(String id, String text, QuestionType type, boolean required, List<String> options,
    String dimension) {
}
