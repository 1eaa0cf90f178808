package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.shared.FormValues;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One row of {@code recommendationDecisions} on 决策机关审定: the recommendation as the team wrote it (shown read-only,
 * prepared when the task is created) and the authority's accept, modify or reject with the modified text. The server
 * takes the text from {@code recommendationItems}, never from this row.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecommendationDecision(Object no, String text, String unitName, String kindLabel,
    Object deadlineWorkingDays, String decision, String modifiedText) {

  @JsonIgnore
  public AuthorityItemDecision decisionCode() {
    return FormValues.code(decision, AuthorityItemDecision.class);
  }
}
