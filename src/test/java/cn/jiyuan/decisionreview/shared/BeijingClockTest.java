package cn.jiyuan.decisionreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BeijingClockTest {

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void followsTheEngineClockInBeijingTime() {
    // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Beijing
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-31T16:30:00Z")));
    assertThat(BeijingClock.INSTANCE.today()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(BeijingClock.INSTANCE.now().getHour()).isZero();
    assertThat(BeijingClock.INSTANCE.instant()).isEqualTo(java.time.Instant.parse("2026-12-31T16:30:00Z"));
  }
}
