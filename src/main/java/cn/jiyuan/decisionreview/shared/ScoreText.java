package cn.jiyuan.decisionreview.shared;

import java.util.Locale;

/** A score as people read it, one format in forms and reports alike. */
public final class ScoreText {

  private ScoreText() {}

  /** 76 → "76.0 分", 86.35 → "86.4 分"; nothing for no score. */
  public static String of(Number score) {
    return score == null ? "" : String.format(Locale.ROOT, "%.1f 分", score.doubleValue());
  }
}
