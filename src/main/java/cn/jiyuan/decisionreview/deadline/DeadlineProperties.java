package cn.jiyuan.decisionreview.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code decision-review.deadline.*} (the watch's own schedule, {@code watch-enabled} and {@code watch-interval}, is
 * read by its {@code @Scheduled}).
 *
 * @param escalationEvery working days between two 督办 of a task that stays overdue; the application refuses to start
 *     unless it is positive
 */
@ConfigurationProperties(prefix = "decision-review.deadline")
public record DeadlineProperties(@DefaultValue("3") int escalationEvery) {

  public DeadlineProperties {
    if (escalationEvery < 1) {
      throw new IllegalArgumentException("decision-review.deadline.escalation-every（逾期任务再次督办的间隔）须为正整数个工作日，"
          + "当前为 " + escalationEvery + "。");
    }
  }
}
