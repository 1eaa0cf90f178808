package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.Consultation;
import cn.jiyuan.decisionreview.form.FormRefusal;
import java.util.List;
import java.util.Objects;

/**
 * The quality gate of 正式形成评估报告 in the full procedure (Art. 6, 12(2); the critique of single-channel
 * evaluations): at least two participation channels, and where an online questionnaire ran, at least
 * {@code minSurveyResponses} answers or a recorded reason why not.
 */
public final class ParticipationQualityGate {

  public static final String CHANNELS_FIELD = "consultations";
  public static final String SHORTFALL_FIELD = "surveyShortfallReason";
  static final int MIN_REASON_LENGTH = 10;

  private ParticipationQualityGate() {
  }

  /**
   * @param surveyResponses the online questionnaire's responses, or null when the evaluation ran none
   * @param shortfallReason what the team recorded for too few responses
   */
  public static FormRefusal check(List<Consultation> consultations, Integer surveyResponses, String shortfallReason,
      int minSurveyResponses) {
    FormRefusal refusal = new FormRefusal();
    long channels = consultations == null ? 0 : consultations.stream().filter(Objects::nonNull)
        .map(Consultation::channel).filter(Objects::nonNull).distinct().count();
    refusal.require(channels >= 2, CHANNELS_FIELD, "完整程序须至少有两种公众参与方式（第六条、第十二条第（二）项），"
        + "本次评估只记录了 " + channels + " 种，不能正式形成评估报告");
    if (surveyResponses != null && surveyResponses < minSurveyResponses) {
      String reason = shortfallReason == null ? "" : shortfallReason.trim();
      refusal.require(reason.codePointCount(0, reason.length()) >= MIN_REASON_LENGTH, SHORTFALL_FIELD,
          "网上问卷只收到 " + surveyResponses + " 份答卷，少于 " + minSurveyResponses + " 份，请在“答卷不足的说明”中说明原因（至少 "
              + MIN_REASON_LENGTH + " 个字）");
    }
    return refusal;
  }
}
