package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.evaluation.SurveyResults;
import cn.jiyuan.decisionreview.evaluation.SurveyResults.DimensionResult;
import cn.jiyuan.decisionreview.evaluation.SurveyResults.QuestionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyAggregationTest {

  static final Instant OPENS = Instant.parse("2026-09-01T00:00:00Z");
  static final Instant CLOSES = Instant.parse("2026-09-21T16:00:00Z");

  static Survey survey(SurveyQuestion... questions) {
    return new Survey("s-0123456789abcdef", "pid-1", "济政〔2026〕1号", "老旧小区改造", "ROUTINE", "满意度调查",
        List.of(questions), OPENS, CLOSES, null);
  }

  static SurveyQuestion scale(String id, Dimension dimension) {
    return new SurveyQuestion(id, "问题" + id, QuestionType.SCALE, true, List.of(),
        dimension == null ? null : dimension.name());
  }

  static SurveyQuestion single(String id, String... options) {
    return new SurveyQuestion(id, "单选" + id, QuestionType.SINGLE, false, List.of(options), null);
  }

  static SurveyQuestion multiple(String id, String... options) {
    return new SurveyQuestion(id, "多选" + id, QuestionType.MULTIPLE, false, List.of(options), null);
  }

  static SurveyQuestion text(String id) {
    return new SurveyQuestion(id, "意见" + id, QuestionType.TEXT, false, List.of(), null);
  }

  private static int n;

  static SurveyResponse sheet(Object... pairs) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      answers.put((String) pairs[i], pairs[i + 1]);
    }
    return new SurveyResponse("R" + (++n), "s-0123456789abcdef", answers, OPENS.plusSeconds(n));
  }

  private final SurveyAggregation aggregation = new SurveyAggregation();

  private static QuestionResult question(SurveyResults r, String id) {
    return r.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
  }

  private static DimensionResult dimension(SurveyResults r, Dimension d) {
    return r.dimensions().stream().filter(x -> x.dimension().equals(d.name())).findFirst().orElseThrow();
  }

  @Test
  void scaleQuestionsAreCountedInScaleOrderWithTheMeanWithoutUnknown() {
    Survey survey = survey(scale("q1", Dimension.EFFECT), scale("q2", Dimension.EFFECT), scale("q3", Dimension.LEGALITY));
    SurveyResults r = aggregation.aggregate(survey, List.of(sheet("q1", 5, "q2", 4, "q3", 0),
        sheet("q1", 4, "q2", 0, "q3", 2), sheet("q1", 3, "q3", 2)), CLOSES);

    QuestionResult q1 = question(r, "q1");
    assertThat(q1.type()).isEqualTo("SCALE");
    assertThat(q1.answered()).isEqualTo(3);
    assertThat(new ArrayList<>(q1.counts().keySet())).containsExactly("很满意", "满意", "一般", "不满意", "很不满意", "不清楚");
    assertThat(q1.counts()).containsEntry("很满意", 1).containsEntry("满意", 1).containsEntry("一般", 1)
        .containsEntry("不清楚", 0);
    assertThat(q1.mean()).isEqualTo(4.0);
    assertThat(question(r, "q2").mean()).as("不清楚 is left out of the mean").isEqualTo(4.0);
    assertThat(question(r, "q2").answered()).isEqualTo(2);

    DimensionResult effect = dimension(r, Dimension.EFFECT);
    assertThat(effect.label()).isEqualTo(Dimension.EFFECT.label());
    assertThat(effect.answers()).isEqualTo(5);
    assertThat(effect.distribution()).containsEntry("很满意", 1).containsEntry("满意", 2).containsEntry("一般", 1)
        .containsEntry("不清楚", 1);
    assertThat(effect.mean()).isEqualTo(4.0);
    assertThat(effect.score()).isEqualTo(75.0);
    DimensionResult legality = dimension(r, Dimension.LEGALITY);
    assertThat(legality.mean()).isEqualTo(2.0);
    assertThat(legality.score()).isEqualTo(25.0);
    // six dimensions always, in the order of Art. 7; one without questions has no score
    assertThat(r.dimensions()).extracting(DimensionResult::dimension)
        .containsExactly("LEGALITY", "EXECUTION", "PROCEDURE", "ALIGNMENT", "EFFECT", "OBJECTIVES");
    assertThat(dimension(r, Dimension.PROCEDURE).answers()).isZero();
    assertThat(dimension(r, Dimension.PROCEDURE).score()).isNull();

    // 8 SCALE answers, 2 of them 不清楚
    assertThat(r.awareness()).isEqualTo(0.75);
    assertThat(r.responseCount()).isEqualTo(3);
    assertThat(r.surveyId()).isEqualTo("s-0123456789abcdef");
    assertThat(r.closedAt()).isEqualTo("2026-09-22T00:00+08:00");
  }

  @Test
  void theScoreIsRoundedToOneDecimalFromTheExactMean() {
    Survey survey = survey(scale("q1", Dimension.ALIGNMENT));
    SurveyResults r = aggregation.aggregate(survey, List.of(sheet("q1", 5), sheet("q1", 4), sheet("q1", 4)), CLOSES);
    // mean 13/3 = 4.333…, score 83.333… → 83.3
    assertThat(dimension(r, Dimension.ALIGNMENT).mean()).isEqualTo(4.33);
    assertThat(dimension(r, Dimension.ALIGNMENT).score()).isEqualTo(83.3);
    assertThat(question(r, "q1").mean()).isEqualTo(4.33);
  }

  @Test
  void noResponsesGiveZeroCountsAndNoMeans() {
    Survey survey = survey(scale("q1", Dimension.EFFECT), single("q2", "是", "否"), text("q3"));
    SurveyResults r = aggregation.aggregate(survey, List.of(), CLOSES);
    assertThat(r.responseCount()).isZero();
    assertThat(question(r, "q1").answered()).isZero();
    assertThat(question(r, "q1").counts().values()).containsOnly(0);
    assertThat(question(r, "q1").mean()).isNull();
    assertThat(question(r, "q2").counts()).containsExactly(Map.entry("是", 0), Map.entry("否", 0));
    assertThat(question(r, "q3").counts()).isEmpty();
    assertThat(dimension(r, Dimension.EFFECT).mean()).isNull();
    assertThat(dimension(r, Dimension.EFFECT).score()).isNull();
    assertThat(r.awareness()).isNull();
  }

  @Test
  void onlyUnknownGivesNoMeanAndZeroAwareness() {
    Survey survey = survey(scale("q1", Dimension.OBJECTIVES));
    SurveyResults r = aggregation.aggregate(survey, List.of(sheet("q1", 0), sheet("q1", 0)), CLOSES);
    assertThat(question(r, "q1").answered()).isEqualTo(2);
    assertThat(question(r, "q1").counts()).containsEntry("不清楚", 2);
    assertThat(question(r, "q1").mean()).isNull();
    assertThat(dimension(r, Dimension.OBJECTIVES).answers()).isEqualTo(2);
    assertThat(dimension(r, Dimension.OBJECTIVES).score()).isNull();
    assertThat(r.awareness()).isEqualTo(0.0);
  }

  @Test
  void choicesAreCountedPerOptionInTheDesignedOrderAndUnknownOptionsAreIgnored() {
    Survey survey = survey(single("q1", "是", "否", "不确定"), multiple("q2", "道路", "绿化", "停车"));
    SurveyResults r = aggregation.aggregate(survey, List.of(
        sheet("q1", "否", "q2", List.of("停车", "道路")),
        sheet("q1", "是", "q2", List.of("停车", "停车", "已删除的选项")),
        sheet("q1", "已删除的选项", "q2", List.of("已删除的选项")),
        sheet("q1", 3, "q2", "道路")), CLOSES);
    QuestionResult q1 = question(r, "q1");
    assertThat(q1.counts()).containsExactly(Map.entry("是", 1), Map.entry("否", 1), Map.entry("不确定", 0));
    assertThat(q1.answered()).isEqualTo(2);
    assertThat(q1.mean()).isNull();
    QuestionResult q2 = question(r, "q2");
    assertThat(q2.counts()).containsExactly(Map.entry("道路", 1), Map.entry("绿化", 0), Map.entry("停车", 2));
    assertThat(q2.answered()).isEqualTo(2);
    assertThat(r.awareness()).as("no SCALE question").isNull();
  }

  @Test
  void answersOffTheScaleAndQuestionsNoLongerAskedAreIgnored() {
    Survey survey = survey(scale("q1", null));
    SurveyResults r = aggregation.aggregate(survey, List.of(sheet("q1", 7, "q9", 5), sheet("q1", 2.5),
        sheet("q1", "5"), sheet("q1", 1.0), sheet("q1", -1)), CLOSES);
    assertThat(question(r, "q1").answered()).isEqualTo(1);
    assertThat(question(r, "q1").counts()).containsEntry("很不满意", 1);
    assertThat(r.questions()).extracting(QuestionResult::id).containsExactly("q1");
    assertThat(r.dimensions()).allSatisfy(d -> assertThat(d.answers()).isZero());
    assertThat(r.responseCount()).isEqualTo(5);
  }

  @Test
  void textAnswersAreCountedWhenNotBlank() {
    Survey survey = survey(text("q1"), text("q2"));
    List<SurveyResponse> sheets = List.of(sheet("q1", "停车难", "q2", "  "), sheet("q1", "", "q2", "加装电梯"), sheet());
    SurveyResults r = aggregation.aggregate(survey, sheets, CLOSES);
    assertThat(question(r, "q1").answered()).isEqualTo(1);
    assertThat(question(r, "q1").counts()).isEmpty();
    assertThat(aggregation.textOpinions(survey, sheets)).isEqualTo(2);
  }
}
