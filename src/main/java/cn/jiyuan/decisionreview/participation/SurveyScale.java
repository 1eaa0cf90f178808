package cn.jiyuan.decisionreview.participation;

import java.util.List;

/** The fixed answer scale of a SCALE question: 5 很满意 … 1 很不满意, and 0 不清楚, which counts towards awareness only. */
public final class SurveyScale {

  public static final int UNKNOWN = 0;
  public static final int MIN = 1;
  public static final int MAX = 5;

  public record Point(int value, String label) {
  }

  public static final List<Point> POINTS = List.of(new Point(5, "很满意"), new Point(4, "满意"), new Point(3, "一般"),
      new Point(2, "不满意"), new Point(1, "很不满意"), new Point(UNKNOWN, "不清楚"));

  private SurveyScale() {
  }

  public static String label(int value) {
    return POINTS.stream().filter(p -> p.value() == value).map(Point::label).findFirst().orElse(String.valueOf(value));
  }
}
