package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.shared.DecisionDetail;
import org.springframework.stereotype.Component;

/** {@code rectifications} in {@code GET /api/decisions/{n}}: each evaluation's items with their status and counts. */
@Component
class DecisionRectifications implements DecisionDetail {

  private final RectificationService rectifications;

  DecisionRectifications(RectificationService rectifications) {
    this.rectifications = rectifications;
  }

  @Override
  public String key() {
    return "rectifications";
  }

  @Override
  public Object of(String trackingProcessInstanceId) {
    return rectifications.evaluationsOfTracking(trackingProcessInstanceId);
  }
}
