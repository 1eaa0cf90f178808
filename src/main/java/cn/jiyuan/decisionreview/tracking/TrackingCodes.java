package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import java.util.Map;

/** Code values of decision tracking with their Chinese labels. */
public final class TrackingCodes {

  private TrackingCodes() {}

  public static final Map<String, String> CATEGORIES = EvaluationCodes.ordered(
      "REFORM", "重大改革事项", "POLICY", "重大政策", "PLAN", "重大规划", "OTHER", "其他重大行政决策");

  public static final Map<String, String> REQUEST_REASONS = EvaluationCodes.ordered(
      "LEGAL_BASIS_CHANGED", "依据的法律法规规章政策或客观情况发生重大变化（第八条第（一）项）",
      "EFFECT_NOT_ACHIEVED", "明显未达到预期效果（第八条第（二）项）",
      "PUBLIC_OPINIONS", "公民、法人或者其他组织提出较多意见（第八条第（三）项）",
      "EXECUTOR_APPLICATION", "决策执行单位申请（第八条第（四）项）",
      "AUTHORITY_DEEMS_NECESSARY", "决策机关认为有必要（第八条第（五）项）",
      "EXECUTION_RISK", "执行中出现较大争议、风险或重大分歧（第十八条）");

  /** The labels of {@link TrackingStatus}, by code, in its order. */
  public static final Map<String, String> STATUSES = java.util.Arrays.stream(TrackingStatus.values()).collect(
      java.util.stream.Collectors.toMap(TrackingStatus::name, TrackingStatus::label, (a, b) -> a, java.util.LinkedHashMap::new));
}
