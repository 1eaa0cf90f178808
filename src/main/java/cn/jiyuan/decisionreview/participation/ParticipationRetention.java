package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Art. 23: opinions and survey answers are kept for {@code retention} (two years by default) and then deleted, each
 * night. Deleting is idempotent, so every node may run it.
 */
@Component
public class ParticipationRetention {

  private static final Logger LOG = LoggerFactory.getLogger(ParticipationRetention.class);

  private final OpinionStore opinions;
  private final SurveyStore surveys;
  private final ParticipationProperties properties;
  private final BeijingClock clock;

  public ParticipationRetention(OpinionStore opinions, SurveyStore surveys, ParticipationProperties properties,
      BeijingClock clock) {
    this.opinions = opinions;
    this.surveys = surveys;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one run deleted. */
  public record Deleted(int opinions, int responses) {
  }

  @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Shanghai")
  public void nightly() {
    try {
      Deleted deleted = deleteExpired();
      if (deleted.opinions() + deleted.responses() > 0) {
        LOG.info("已按保存期限删除公众意见 {} 条、问卷答卷 {} 份（第二十三条）", deleted.opinions(), deleted.responses());
      }
    } catch (RuntimeException e) {
      LOG.error("按保存期限删除公众意见和答卷失败，明晚重试", e);
    }
  }

  public Deleted deleteExpired() {
    Instant cutoff = cutoff();
    return new Deleted(opinions.deleteBefore(cutoff), surveys.deleteResponsesBefore(cutoff));
  }

  Instant cutoff() {
    return clock.now().minus(properties.retention()).toInstant();
  }
}
