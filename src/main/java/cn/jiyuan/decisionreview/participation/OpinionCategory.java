package cn.jiyuan.decisionreview.participation;

import java.util.Arrays;
import java.util.Optional;

/** What a citizen's opinion on a decision is about (contract of {@code POST /public/api/decisions/{n}/opinions}). */
public enum OpinionCategory {
  IMPLEMENTATION("实施情况"), EFFECT("实施效果"), PROBLEM("存在问题"), SUGGESTION("意见建议");

  private final String label;

  OpinionCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The category of exactly this code; empty for anything else (no trimming, no case folding). */
  public static Optional<OpinionCategory> of(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
