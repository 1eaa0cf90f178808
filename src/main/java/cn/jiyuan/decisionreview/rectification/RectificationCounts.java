package cn.jiyuan.decisionreview.rectification;

import java.time.Instant;
import java.util.Collection;

/**
 * How many recommendations became items and where they stand: {@code open} (with the unit or the reviewer),
 * {@code closed}, {@code overdue} (open past the due date, a part of {@code open}), {@code rejected} by the authority,
 * {@code carriedOut} (closed with the unit's 已完成).
 */
public record RectificationCounts(int recommendations, int open, int closed, int overdue, int rejected,
    int carriedOut) {

  public static final RectificationCounts NONE = new RectificationCounts(0, 0, 0, 0, 0, 0);

  public static RectificationCounts of(Collection<RectificationItem> items, Instant now) {
    int open = 0;
    int closed = 0;
    int overdue = 0;
    int rejected = 0;
    int carried = 0;
    for (RectificationItem i : items) {
      if (i.status().isOpen()) {
        open++;
      }
      if (i.status() == RectificationStatus.CLOSED) {
        closed++;
      }
      if (i.status() == RectificationStatus.REJECTED) {
        rejected++;
      }
      if (i.overdueAt(now)) {
        overdue++;
      }
      if (i.carriedOut()) {
        carried++;
      }
    }
    return new RectificationCounts(items.size(), open, closed, overdue, rejected, carried);
  }

  /** The accepted recommendations: the items to carry out. */
  public int accepted() {
    return recommendations - rejected;
  }
}
