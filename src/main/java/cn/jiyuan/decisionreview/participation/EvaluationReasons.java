package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.tracking.EvaluationSchedule;
import java.util.Map;

/**
 * Why an evaluation is held, as the public pages tell it: the evaluation type (a tracking code), its name, the
 * article of the Measures that requires it, and that article's reason in a sentence.
 */
public final class EvaluationReasons {

  /** The article behind each type; the scheduled ones as decision tracking cites them. */
  static final Map<String, String> ARTICLES = Map.of(
      "EXECUTION", EvaluationSchedule.legalBasis("EXECUTION"),
      "MID_TERM", EvaluationSchedule.legalBasis("MID_TERM"),
      "FINAL", EvaluationSchedule.legalBasis("FINAL"),
      "TRIGGERED", "第八条",
      "RISK", "第十八条");

  static final Map<String, String> REASONS = Map.of(
      "EXECUTION", "重大改革事项、对公民权利义务发生普遍影响或群众普遍关注的重大政策执行满一年的，应当进行执行评估。",
      "MID_TERM", "五年以上长期执行的重大规划、重大政策等执行期限或进度过半时，应当进行中期评估。",
      "FINAL", "五年以上长期执行的重大规划、重大政策、重大改革事项等执行结束后，应当及时进行终期评估。",
      "TRIGGERED", "决策出现依据发生重大变化、明显未达到预期效果、公众意见较多等情形之一的，应当进行跟踪反馈与后评估。",
      "RISK", "决策执行过程中出现较大争议、风险或重大分歧，可能影响决策执行的，应当及时启动后评估。");

  public static final String MEASURES = "《济源市重大行政决策跟踪反馈与后评估办法》";

  /** The type's code, name, article and reason; all null for a type not known (or not given). */
  public record Reason(String evaluationType, String evaluationTypeName, String legalBasis, String reason) {
  }

  private EvaluationReasons() {
  }

  public static Reason of(String evaluationType) {
    if (evaluationType == null || !EvaluationCodes.EVALUATION_TYPES.containsKey(evaluationType)) {
      return new Reason(null, null, null, null);
    }
    return new Reason(evaluationType, EvaluationCodes.EVALUATION_TYPES.get(evaluationType),
        ARTICLES.get(evaluationType), REASONS.get(evaluationType));
  }
}
