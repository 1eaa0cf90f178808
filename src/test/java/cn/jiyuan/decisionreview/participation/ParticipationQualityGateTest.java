package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.form.FormRefusal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipationQualityGateTest {

  private static final Consultation ONLINE = Consultation.of("ONLINE_SURVEY", LocalDate.of(2026, 12, 1), 42, 5, "网上问卷");
  private static final Consultation SYMPOSIUM = Consultation.of("SYMPOSIUM", LocalDate.of(2026, 12, 2), 20, 9, "座谈会");

  @Test
  void twoChannelsAndEnoughResponsesPass() {
    assertThat(ParticipationQualityGate.check(List.of(ONLINE, SYMPOSIUM), 42, null, 30).isEmpty()).isTrue();
  }

  @Test
  void oneChannelIsRefusedEvenTwiceRecorded() {
    FormRefusal refusal = ParticipationQualityGate.check(List.of(SYMPOSIUM, SYMPOSIUM), null, null, 30);
    assertThat(refusal.problems()).singleElement().asString().contains("至少有两种公众参与方式").contains("只记录了 1 种");
  }

  @Test
  void tooFewResponsesNeedAReason() {
    FormRefusal refusal = ParticipationQualityGate.check(List.of(ONLINE, SYMPOSIUM), 29, " 太短 ", 30);
    assertThat(refusal.problems()).singleElement().asString().contains("只收到 29 份答卷").contains("少于 30 份");
    assertThat(ParticipationQualityGate.check(List.of(ONLINE, SYMPOSIUM), 29,
        "征集期正值寒假，家长参与较少，已增加两场座谈会补充听取意见", 30).isEmpty()).isTrue();
  }

  @Test
  void anEvaluationWithoutOnlineSurveyIsHeldOnlyToTheChannels() {
    assertThat(ParticipationQualityGate.check(List.of(SYMPOSIUM,
        Consultation.of("FIELD_RESEARCH", LocalDate.of(2026, 12, 3), 8, 3, "实地调研")), null, null, 30).isEmpty())
        .isTrue();
    assertThat(ParticipationQualityGate.check(null, null, null, 30).isEmpty()).isFalse();
  }
}
