package cn.jiyuan.decisionreview.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Code values of the post-evaluation variables with their Chinese labels (shown in forms and the report): the codes
 * shared with decision tracking and the DMN tables (evaluation type, grade, outcome) and those Java only checks for
 * membership (channels, team categories). The codes Java branches on are enums of the evaluation package
 * ({@code EvaluatorType}, {@code Procedure}, {@code EvaluationScope}, {@code ReviewDecision}, {@code ExpertConclusion},
 * {@code QuestionType}), each with its label.
 */
public final class EvaluationCodes {

  private EvaluationCodes() {}

  public static final Map<String, String> EVALUATION_TYPES = ordered(
      "EXECUTION", "执行评估", "MID_TERM", "中期评估", "FINAL", "终期评估", "TRIGGERED", "触发评估", "RISK", "争议风险评估");

  public static final Map<String, String> CHANNELS = ordered(
      "ONLINE_SURVEY", "网上问卷", "FIELD_RESEARCH", "实地调研", "SYMPOSIUM", "座谈会",
      "ARGUMENTATION_MEETING", "论证会", "WRITTEN_SOLICITATION", "书面征求意见");

  /** The methods Art. 15 names for the simplified procedure. */
  public static final Set<String> SIMPLIFIED_CHANNELS =
      Set.of("SYMPOSIUM", "ONLINE_SURVEY", "WRITTEN_SOLICITATION", "ARGUMENTATION_MEETING");

  public static final Set<String> TEAM_CATEGORIES = Set.of("机关工作人员", "人大代表", "政协委员", "法律专家", "行业专家", "其他");

  public static final Map<String, String> GRADES = ordered("EXCELLENT", "优秀", "GOOD", "良好", "FAIR", "一般", "POOR", "差");

  public static final Map<String, String> OUTCOMES = ordered(
      "CONTINUE", "继续执行", "ADJUST", "调整决策内容", "MAJOR_ADJUSTMENT", "重大调整（重新履行决策程序）",
      "SUSPEND", "中止执行", "TERMINATE", "终止执行");

  public static String label(Map<String, String> codes, Object code) {
    if (code == null) {
      return "";
    }
    return codes.getOrDefault(code.toString(), code.toString());
  }

  /** An unmodifiable map in the order given: code, label, code, label… */
  public static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
