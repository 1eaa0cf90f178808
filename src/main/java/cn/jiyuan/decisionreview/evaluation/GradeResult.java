package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The single result of the DMN {@code evaluationGrade} (DESIGN.md §5). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradeResult(String grade, String suggestedOutcome) {}
