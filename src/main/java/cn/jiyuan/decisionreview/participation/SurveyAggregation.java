package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.evaluation.SurveyResults;
import cn.jiyuan.decisionreview.evaluation.SurveyResults.DimensionResult;
import cn.jiyuan.decisionreview.evaluation.SurveyResults.QuestionResult;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The aggregate of a survey's answer sheets (Art. 12): counts per question, satisfaction per Art. 7 dimension and
 * awareness. Answers that do not fit the question as it now stands (an option since removed, a value off the scale)
 * are left out rather than counted somewhere they do not belong.
 */
@Service
public class SurveyAggregation {

  public SurveyResults aggregate(Survey survey, List<SurveyResponse> responses, Instant closedAt) {
    List<SurveyResponse> sheets = responses == null ? List.of() : responses.stream().filter(Objects::nonNull).toList();
    List<QuestionResult> questions = new ArrayList<>();
    Map<Dimension, Tally> dimensions = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      dimensions.put(d, new Tally());
    }
    Tally allScale = new Tally();
    for (SurveyQuestion q : survey.questions()) {
      List<Object> answers = sheets.stream().map(s -> s.answers() == null ? null : s.answers().get(q.id()))
          .filter(Objects::nonNull).toList();
      questions.add(switch (q.type()) {
        case SCALE -> {
          Tally tally = new Tally();
          answers.forEach(tally::add);
          allScale.addAll(tally);
          Dimension.fromCode(q.dimension()).ifPresent(d -> dimensions.get(d).addAll(tally));
          yield new QuestionResult(q.id(), q.text(), q.type().name(), q.dimension(), tally.answers(), tally.counts(),
              tally.mean());
        }
        case SINGLE, MULTIPLE -> choices(q, answers);
        case TEXT -> new QuestionResult(q.id(), q.text(), q.type().name(), q.dimension(),
            (int) answers.stream().filter(SurveyAggregation::nonBlankText).count(), Map.of(), null);
      });
    }
    List<DimensionResult> byDimension = dimensions.entrySet().stream()
        .map(e -> new DimensionResult(e.getKey().name(), e.getKey().label(), e.getValue().answers(),
            e.getValue().counts(), e.getValue().mean(), e.getValue().score()))
        .toList();
    Double awareness = allScale.answers() == 0 ? null
        : round((double) allScale.aware() / allScale.answers(), 4);
    return new SurveyResults(survey.surveyId(), closedAt == null ? null : closedAt.atZone(BeijingClock.ZONE)
        .toOffsetDateTime().toString(), sheets.size(), questions, byDimension, awareness);
  }

  /** The number of answered TEXT questions over all sheets: the opinions the survey collected. */
  public int textOpinions(Survey survey, List<SurveyResponse> responses) {
    int n = 0;
    for (SurveyQuestion q : survey.questions()) {
      if (q.type() == QuestionType.TEXT) {
        for (SurveyResponse r : responses) {
          n += r.answers() != null && nonBlankText(r.answers().get(q.id())) ? 1 : 0;
        }
      }
    }
    return n;
  }

  private static QuestionResult choices(SurveyQuestion q, List<Object> answers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> options = q.options() == null ? List.of() : q.options();
    options.forEach(o -> counts.put(o, 0));
    int answered = 0;
    for (Object answer : answers) {
      // a sheet counts each option once, whatever a stored list repeats
      Set<String> chosen = new LinkedHashSet<>();
      if (q.type() == QuestionType.MULTIPLE && answer instanceof Collection<?> list) {
        list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(chosen::add);
      } else if (q.type() == QuestionType.SINGLE && answer instanceof String one) {
        chosen.add(one);
      }
      chosen.retainAll(counts.keySet());
      chosen.forEach(o -> counts.merge(o, 1, Integer::sum));
      answered += chosen.isEmpty() ? 0 : 1;
    }
    return new QuestionResult(q.id(), q.text(), q.type().name(), q.dimension(), answered, counts, null);
  }

  private static boolean nonBlankText(Object answer) {
    return answer instanceof String s && !s.isBlank();
  }

  static Double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  /** SCALE answers counted by {@link SurveyScale} point. */
  private static final class Tally {
    private final Map<Integer, Integer> byValue = new LinkedHashMap<>();

    Tally() {
      SurveyScale.POINTS.forEach(p -> byValue.put(p.value(), 0));
    }

    void add(Object answer) {
      // stored answers were validated as integers; a value off the scale (or not whole) is ignored
      if (answer instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          && byValue.containsKey(n.intValue())) {
        byValue.merge(n.intValue(), 1, Integer::sum);
      }
    }

    void addAll(Tally other) {
      other.byValue.forEach((value, count) -> byValue.merge(value, count, Integer::sum));
    }

    int answers() {
      return byValue.values().stream().mapToInt(Integer::intValue).sum();
    }

    int aware() {
      return answers() - byValue.get(SurveyScale.UNKNOWN);
    }

    Map<String, Integer> counts() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      byValue.forEach((value, count) -> counts.put(SurveyScale.label(value), count));
      return counts;
    }

    private double exactMean() {
      long sum = 0;
      for (Map.Entry<Integer, Integer> e : byValue.entrySet()) {
        sum += (long) e.getKey() * e.getValue();
      }
      return (double) sum / aware();
    }

    /** 1–5, 不清楚 left out; null when every answer is 不清楚. */
    Double mean() {
      return aware() == 0 ? null : round(exactMean(), 2);
    }

    /** The mean on 0–100, from the unrounded mean. */
    Double score() {
      return aware() == 0 ? null : round((exactMean() - SurveyScale.MIN) / (SurveyScale.MAX - SurveyScale.MIN) * 100, 1);
    }
  }
}
