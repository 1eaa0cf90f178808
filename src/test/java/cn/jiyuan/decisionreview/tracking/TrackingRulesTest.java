package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.tracking.RequestRecord.Handling;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracking rules that are not tables, without an engine or Spring. */
class TrackingRulesTest {

  @Covers({"第十八条"})
  @Test
  void aRequestStartsARiskEvaluationForADisputeAndATriggeredOneOtherwise() {
    assertThat(TrackingRules.evaluationTypeOfRequest("EXECUTION_RISK")).isEqualTo("RISK");
    assertThat(TrackingRules.evaluationTypeOfRequest("PUBLIC_OPINIONS")).isEqualTo("TRIGGERED");
    assertThat(TrackingRules.isNewCircumstance("LEGAL_BASIS_CHANGED")).isTrue();
    assertThat(TrackingRules.isNewCircumstance("EXECUTION_RISK")).isTrue();
    assertThat(TrackingRules.isNewCircumstance("AUTHORITY_DEEMS_NECESSARY")).isFalse();
  }

  @Test
  void theOutcomeDecidesTheStatusAndTheFinalEvaluationEndsTracking() {
    assertThat(TrackingRules.statusAfter("SUSPEND", "FINAL")).isEqualTo(TrackingStatus.SUSPENDED);
    assertThat(TrackingRules.statusAfter("TERMINATE", "EXECUTION")).isEqualTo(TrackingStatus.TERMINATED);
    assertThat(TrackingRules.statusAfter("ADJUST", "FINAL")).isEqualTo(TrackingStatus.COMPLETED);
    assertThat(TrackingRules.statusAfter("CONTINUE", "MID_TERM")).isEqualTo(TrackingStatus.TRACKING);
    assertThat(TrackingRules.statusAfter(null, "TRIGGERED")).isEqualTo(TrackingStatus.TRACKING);
  }

  @Test
  void article20CountsFromTheLastExecutionEvaluation() {
    assertThat(TrackingRules.countsAsExecutionEvaluation("EXECUTION")).isTrue();
    assertThat(TrackingRules.countsAsExecutionEvaluation("TRIGGERED")).isTrue();
    assertThat(TrackingRules.countsAsExecutionEvaluation("MID_TERM")).isFalse();
    assertThat(TrackingRules.monthsSinceLastExecutionEvaluation(null, LocalDate.of(2027, 1, 1))).isNull();
    assertThat(TrackingRules.monthsSinceLastExecutionEvaluation(LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31))).isEqualTo(11);
  }

  @Test
  void aRequestIsHandledAsTheWaitingEventsSay() {
    assertThat(TrackingRules.handling(List.of())).isEqualTo(Handling.RECORDED);
    assertThat(TrackingRules.handling(List.of("STARTED"))).isEqualTo(Handling.STARTED);
    assertThat(TrackingRules.handling(List.of("MERGED"))).isEqualTo(Handling.MERGED);
    assertThat(TrackingRules.handling(List.of("STARTED", "MERGED"))).isEqualTo(Handling.MERGED);
    assertThatThrownBy(() -> TrackingRules.handling(List.of("MAYBE"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyARiskReachesTheAuthorityAndItsTextIsPlain() {
    EvaluationRequest risk = new EvaluationRequest("EXECUTION_RISK", "第十八条", true, "<b>群体上访</b>", "fgw");
    assertThat(TrackingRules.needsAuthorityAttention(risk)).isTrue();
    assertThat(TrackingRules.authorityAttentionText(risk)).contains("第十八条", "<b>群体上访</b>");
    EvaluationRequest silent = new EvaluationRequest("EXECUTION_RISK", "第十八条", true, " ", "fgw");
    assertThat(TrackingRules.authorityAttentionText(silent)).endsWith("（未说明）");
    assertThat(TrackingRules.needsAuthorityAttention(new EvaluationRequest("EFFECT_NOT_ACHIEVED", "第八条第（二）项", false,
        "x", "sifa"))).isFalse();
  }

  @Test
  void theRefusalIsTheTablesReasonWithTheSubmittedCount() {
    assertThat(TrackingRules.refusalText("公众意见不足 20 条，不属于第八条第（三）项“提出较多意见”的情形", "PUBLIC_OPINIONS", 5))
        .isEqualTo("公众意见不足 20 条，不属于第八条第（三）项“提出较多意见”的情形（本次申请填写的公众意见为 5 条）。");
    assertThat(TrackingRules.refusalText("申请事由不属于第八条第（一）至（五）项、第十八条规定的评估情形", "OTHER", null))
        .isEqualTo("申请事由不属于第八条第（一）至（五）项、第十八条规定的评估情形。");
    // a table without a reason still gives the requester a sentence
    assertThat(TrackingRules.refusalText(null, "PUBLIC_OPINIONS", null)).contains("第八条、第十八条", "0 条");
  }
}
