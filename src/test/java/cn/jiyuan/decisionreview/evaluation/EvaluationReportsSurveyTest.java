package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.SurveyResults.DimensionResult;
import cn.jiyuan.decisionreview.report.ReportData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** surveyResults as the report draws it: short axis labels, counts in scale order, the Beijing closing day. */
class EvaluationReportsSurveyTest {

  static Map<String, Integer> distribution(int... counts) {
    String[] labels = {"很满意", "满意", "一般", "不满意", "很不满意", "不清楚"};
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      map.put(labels[i], counts[i]);
    }
    return map;
  }

  @Test
  void theAggregateIsMappedInScaleAndDimensionOrder() {
    List<DimensionResult> dimensions = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      dimensions.add(d == Dimension.PROCEDURE ? new DimensionResult(d.name(), d.label(), 0, distribution(0, 0, 0, 0, 0, 0),
          null, null) : new DimensionResult(d.name(), d.label(), 10, distribution(4, 3, 1, 1, 0, 1), 4.11, 77.8));
    }
    SurveyResults results = new SurveyResults("s1", "2026-10-07T16:00Z", 10, List.of(), dimensions, 0.9);
    // through the variable's own Json, as the report reads it from the process
    SurveyResults stored = EvaluationVariables.SURVEY_RESULTS.of(name -> serialized(results));

    ReportData.SurveySummary summary = EvaluationReports.surveySummary(stored);
    assertThat(summary.responseCount()).isEqualTo(10);
    assertThat(summary.closedOn()).as("16:00 UTC is midnight in Beijing").isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(summary.awareness()).isEqualTo(0.9);
    assertThat(summary.scaleLabels()).containsExactly("很满意", "满意", "一般", "不满意", "很不满意", "不清楚");
    assertThat(summary.dimensions()).extracting(ReportData.SurveyDimension::label).containsExactly("合法性与协调性",
        "执行情况与措施", "执行程序", "发展方向与公众满意度", "近期效益与长远影响", "结果与目的符合程度");
    assertThat(summary.dimensions().get(0).distribution()).containsExactly(4, 3, 1, 1, 0, 1);
    assertThat(summary.dimensions().get(0).score()).isEqualTo(77.8);
    assertThat(summary.dimensions().get(2).score()).isNull();
  }

  @Test
  void noResultsNoSummaryAndAnUnreadableDateIsLeftOut() {
    assertThat(EvaluationReports.surveySummary(null)).isNull();
    ReportData.SurveySummary summary = EvaluationReports.surveySummary(
        new SurveyResults("s1", "gestern", 0, null, null, null));
    assertThat(summary.closedOn()).isNull();
    assertThat(summary.dimensions()).isEmpty();
    assertThat(summary.scaleLabels()).isEmpty();
  }

  private static String serialized(SurveyResults results) {
    return EvaluationVariables.SURVEY_RESULTS.typed(results) instanceof org.camunda.bpm.engine.variable.value.SerializableValue s
        ? s.getValueSerialized() : null;
  }
}
