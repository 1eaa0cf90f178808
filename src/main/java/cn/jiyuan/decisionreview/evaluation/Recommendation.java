package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.shared.FormValues;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One recommendation of the report in {@code recommendationItems} (Art. 16, 17), as the dynamic list of 分析研判 and
 * 正式形成评估报告 submits it. The working days stay as sent, so the rule can tell {@code 10} from {@code "ten"}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recommendation(String text, String responsibleUnit, String kind, Object deadlineWorkingDays) {

  /** The fewest and most working days a recommendation may be given (the form says the same). */
  public static final int MIN_DAYS = 1;
  public static final int MAX_DAYS = 250;

  public static Recommendation of(String text, String responsibleUnit, RecommendationKind kind, int days) {
    return new Recommendation(text, responsibleUnit, kind.name(), days);
  }

  /** The working days, or null when not a whole number in range. */
  @JsonIgnore
  public Integer workingDays() {
    Long days = FormValues.wholeNumber(deadlineWorkingDays, MIN_DAYS, MAX_DAYS);
    return days == null ? null : days.intValue();
  }

  @JsonIgnore
  public RecommendationKind kindCode() {
    return FormValues.code(kind, RecommendationKind.class);
  }
}
