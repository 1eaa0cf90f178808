package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.participation.SurveyAggregationTest.CLOSES;
import static cn.jiyuan.decisionreview.participation.SurveyAggregationTest.scale;
import static cn.jiyuan.decisionreview.participation.SurveyAggregationTest.sheet;
import static cn.jiyuan.decisionreview.participation.SurveyAggregationTest.survey;
import static cn.jiyuan.decisionreview.participation.SurveyAggregationTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.SurveyResults;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 汇总问卷结果 without an engine: a map-backed execution and a mocked store. */
class AggregateSurveyDelegateTest {

  private final Map<String, Object> variables = new HashMap<>();
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final SurveyStore store = mock(SurveyStore.class);
  private final AggregateSurveyDelegate delegate =
      new AggregateSurveyDelegate(new SurveyClosing(store, new SurveyAggregation(), BeijingClock.INSTANCE));

  private final Survey survey = survey(scale("q1", Dimension.EFFECT), scale("q2", Dimension.LEGALITY), text("q3"));

  @BeforeEach
  void fakeExecution() {
    // as the engine hands values back: a Json variable as its text, others unwrapped
    when(execution.getVariable(anyString())).thenAnswer(i -> variables.get(i.<String>getArgument(0)));
    doAnswer(i -> {
      Object value = i.getArgument(1);
      if (value instanceof SerializableValue s && s.getValueSerialized() != null) {
        value = s.getValueSerialized();
      } else if (value instanceof TypedValue t) {
        value = t.getValue();
      }
      variables.put(i.getArgument(0), value);
      return null;
    }).when(execution).setVariable(anyString(), any());
    EvaluationVariables.SURVEY_ID.set(execution, survey.surveyId());
    when(store.find(survey.surveyId())).thenReturn(Optional.of(survey));
  }

  @Test
  void closesAggregatesAndEntersTheOnlineSurveyChannelOnce() throws Exception {
    when(store.responses(survey.surveyId())).thenReturn(List.of(sheet("q1", 5, "q2", 4, "q3", "停车难"),
        sheet("q1", 4, "q2", 0, "q3", " "), sheet("q1", 3, "q3", "加装电梯"),
        // arrived after the window had closed (a race with the close): not counted
        new SurveyResponse("LATE", survey.surveyId(), Map.of("q1", 1), CLOSES.plusSeconds(1))));
    EvaluationVariables.CONSULTATIONS.set(execution, List.of(
        Consultation.of("FIELD_RESEARCH", LocalDate.of(2026, 9, 1), 60, null, "入户走访"),
        Consultation.of("ONLINE_SURVEY", LocalDate.of(2026, 9, 2), 1, 0, "手工录入的旧记录"),
        Consultation.of("SYMPOSIUM", LocalDate.of(2026, 9, 3), 12, 8, "座谈会")));

    delegate.execute(execution);

    verify(store).close(survey.surveyId(), CLOSES);
    SurveyResults results = EvaluationVariables.SURVEY_RESULTS.get(execution);
    assertThat(results.responseCount()).isEqualTo(3);
    assertThat(results.questions()).hasSize(3);
    assertThat(EvaluationVariables.SURVEY_RESPONSE_COUNT.get(execution)).isEqualTo(3);

    List<Consultation> consultations = EvaluationVariables.CONSULTATIONS.get(execution);
    assertThat(consultations).extracting(Consultation::channel)
        .containsExactly("FIELD_RESEARCH", "ONLINE_SURVEY", "SYMPOSIUM");
    Consultation online = consultations.get(1);
    // closes 2026-09-21T16:00Z = 2026-09-22 00:00 in Beijing
    assertThat(online.day()).isEqualTo(LocalDate.of(2026, 9, 22));
    assertThat(online.participantCount()).isEqualTo(3);
    assertThat(online.opinionTotal()).as("non-blank TEXT answers").isEqualTo(2);
    assertThat(online.summary()).startsWith("网上问卷自动汇总：共收到 3 份答卷")
        .contains("公众知晓率 80.0%", Dimension.EFFECT.label() + " 75.0 分", Dimension.LEGALITY.label() + " 75.0 分")
        .endsWith("。");
  }

  @Test
  void anEarlyCloseIsKeptAndAMissingRecordGetsTheChannelAppended() throws Exception {
    Instant early = CLOSES.minusSeconds(86_400 * 5);
    Survey closed = new Survey(survey.surveyId(), survey.processInstanceId(), survey.decisionNumber(),
        survey.decisionTitle(), survey.evaluationType(), survey.title(), survey.questions(), survey.opensAt(),
        survey.closesAt(), early);
    when(store.find(survey.surveyId())).thenReturn(Optional.of(closed));
    when(store.responses(survey.surveyId())).thenReturn(List.of(sheet("q1", 0)));

    delegate.execute(execution);

    verify(store, never()).close(anyString(), any());
    List<Consultation> consultations = EvaluationVariables.CONSULTATIONS.get(execution);
    assertThat(consultations).hasSize(1);
    assertThat(consultations.get(0).day()).isEqualTo(LocalDate.of(2026, 9, 17));
    assertThat(consultations.get(0).opinionTotal()).isZero();
    assertThat(consultations.get(0).summary()).isEqualTo("网上问卷自动汇总：共收到 1 份答卷；公众知晓率 0.0%；满意度题目均答“不清楚”。");
    assertThat(EvaluationVariables.SURVEY_RESULTS.get(execution).closedAt()).isEqualTo("2026-09-17T00:00+08:00");
  }

  @Test
  void withoutASurveyTheStepFailsVisibly() {
    variables.clear();
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(ProcessEngineException.class)
        .hasMessageStartingWith("汇总网上问卷结果失败：该评估没有网上问卷");
  }

  @Test
  void endedByTheMessageBeforeItsWindowTheSurveyClosesNowNotAtTheWindowsEnd() throws Exception {
    Instant now = CLOSES.minusSeconds(86_400 * 3);
    when(store.responses(survey.surveyId())).thenReturn(List.of(sheet("q1", 5)));
    ClockUtil.setCurrentTime(java.util.Date.from(now));
    try {
      delegate.execute(execution);
    } finally {
      ClockUtil.reset();
    }
    verify(store).close(survey.surveyId(), now);
  }

  @Test
  void aRecordWithTwoOnlineEntriesKeepsOne() {
    Consultation online = Consultation.of("ONLINE_SURVEY", LocalDate.of(2026, 9, 22), 3, 1, "新");
    List<Consultation> result = SurveyClosing.withOnlineSurvey(List.of(
        Consultation.of("ONLINE_SURVEY", LocalDate.of(2026, 9, 1), 1, 0, "旧1"),
        Consultation.of("SYMPOSIUM", LocalDate.of(2026, 9, 3), 12, 8, "座谈会"),
        Consultation.of("ONLINE_SURVEY", LocalDate.of(2026, 9, 2), 1, 0, "旧2")), online);
    assertThat(result).extracting(Consultation::summary).containsExactly("新", "座谈会");
  }
}
