package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.evaluation.QuestionnaireItem;
import cn.jiyuan.decisionreview.shared.FormValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The questionnaire the team designed at 制定调查提纲和问卷, as the public will see it: the designed items get stable
 * ids {@code q1}, {@code q2}, … in their order, and the window starts at once and lasts {@code questionnaireDays}
 * days (the survey opens when the plan is approved and the survey designed, Art. 11(3)).
 */
public final class SurveyOpening {

  private SurveyOpening() {
  }

  public record Evaluation(String processInstanceId, String decisionNumber, String decisionTitle,
      String evaluationType) {
  }

  public static Survey open(String surveyId, Evaluation evaluation, String title, List<QuestionnaireItem> items,
      long days, Instant now) {
    return new Survey(surveyId, evaluation.processInstanceId(), evaluation.decisionNumber(),
        evaluation.decisionTitle(), evaluation.evaluationType(), title, questions(items), now,
        now.plus(Duration.ofDays(days)), null);
  }

  /** The form rules have accepted the items already; what is still unknown here is left out rather than guessed. */
  static List<SurveyQuestion> questions(List<QuestionnaireItem> items) {
    List<SurveyQuestion> questions = new ArrayList<>();
    for (QuestionnaireItem item : items) {
      QuestionType type = item == null ? null : FormValues.code(item.type(), QuestionType.class);
      if (type == null) {
        continue;
      }
      List<String> options = type.isChoice() ? item.optionList() : List.of();
      String dimension = item.dimension() == null || item.dimension().isBlank() ? null : item.dimension();
      questions.add(new SurveyQuestion("q" + (questions.size() + 1), item.question().trim(), type,
          item.isRequired(), options, dimension));
    }
    return List.copyOf(questions);
  }
}
