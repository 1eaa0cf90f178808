package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.evaluation.QuestionnaireItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyOpeningTest {

  private static final Instant DESIGNED = Instant.parse("2026-12-01T02:00:00Z");
  private static final SurveyOpening.Evaluation EVALUATION =
      new SurveyOpening.Evaluation("pi-1", "济政〔2025〕7号", "济源市中小学课后服务实施方案", "EXECUTION");

  @Test
  void theDesignedItemsBecomeQuestionsWithStableIdsAndTheWindowStartsAtOnce() {
    Survey survey = SurveyOpening.open("abcdefghijklmnopqrstuv", EVALUATION, "课后服务满意度调查", List.of(
        QuestionnaireItem.scale("您对课后服务总体是否满意？", Dimension.ALIGNMENT, true),
        QuestionnaireItem.of("您的身份", QuestionType.SINGLE, "学生家长", "教师"),
        new QuestionnaireItem("您的建议", "TEXT", "被忽略的选项", false, "")), 30, DESIGNED);

    assertThat(survey.questions()).extracting(SurveyQuestion::id).containsExactly("q1", "q2", "q3");
    assertThat(survey.questions().get(0)).isEqualTo(new SurveyQuestion("q1", "您对课后服务总体是否满意？",
        QuestionType.SCALE, true, List.of(), "ALIGNMENT"));
    assertThat(survey.questions().get(1).options()).containsExactly("学生家长", "教师");
    assertThat(survey.questions().get(2).options()).as("a text question has no options").isEmpty();
    assertThat(survey.questions().get(2).required()).isFalse();
    assertThat(survey.questions().get(2).dimension()).isNull();
    assertThat(survey.opensAt()).isEqualTo(DESIGNED);
    assertThat(survey.closesAt()).isEqualTo(DESIGNED.plus(Duration.ofDays(30)));
    assertThat(survey.statusAt(DESIGNED)).isEqualTo(Survey.Status.OPEN);
    assertThat(survey.statusAt(DESIGNED.minusSeconds(1))).isEqualTo(Survey.Status.NOT_OPEN);
    assertThat(survey.statusAt(survey.closesAt())).isEqualTo(Survey.Status.CLOSED);
  }

  @Test
  void anItemDesignedBeforeTheRequiredFieldExistedIsRequired() {
    QuestionnaireItem old = new QuestionnaireItem("总体满意度", "SCALE", null, null, null);
    assertThat(SurveyOpening.questions(List.of(old)).get(0).required()).isTrue();
  }

  @Test
  void anEarlyCloseEndsTheSurveyBeforeItsWindow() {
    Survey open = SurveyOpening.open("abcdefghijklmnopqrstuv", EVALUATION, "调查",
        List.of(QuestionnaireItem.of("总体满意度", QuestionType.SCALE)), 10, DESIGNED);
    Instant early = DESIGNED.plus(Duration.ofDays(2));
    Survey closed = new Survey(open.surveyId(), open.processInstanceId(), open.decisionNumber(), open.decisionTitle(),
        open.evaluationType(), open.title(), open.questions(), open.opensAt(), open.closesAt(), early);
    assertThat(closed.statusAt(early.minusSeconds(1))).isEqualTo(Survey.Status.OPEN);
    assertThat(closed.statusAt(early)).isEqualTo(Survey.Status.CLOSED);
    assertThat(closed.endedAt()).isEqualTo(early);
    assertThat(open.endedAt()).isEqualTo(open.closesAt());
  }

  @Test
  void surveyIdsAreUnguessableAndUrlSafe() {
    String id = Receipts.surveyId();
    assertThat(id).hasSizeGreaterThanOrEqualTo(16).matches("[A-Za-z0-9_-]+");
    assertThat(Receipts.surveyId()).isNotEqualTo(id);
  }
}
