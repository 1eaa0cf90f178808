package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionLimitsTest {

  static SubmissionLimits limits(int submissions, Duration window, int burst, Duration burstWindow) {
    return new SubmissionLimits(new ParticipationProperties(
        new ParticipationProperties.RateLimit(submissions, window, burst, burstWindow), List.of(), Period.ofYears(2),
        Period.ofDays(90), 30, 65536));
  }

  @Test
  void theBurstLimitRefusesAtOnceAndSaysHowLongToWait() {
    SubmissionLimits limits = limits(100, Duration.ofMinutes(10), 3, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertThat(limits.allow("survey:a", "client")).isTrue();
    }
    assertThat(limits.allow("survey:a", "client")).isFalse();
    assertThat(limits.retryAfter("survey:a", "client")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theSustainedLimitHoldsAcrossBursts() throws InterruptedException {
    SubmissionLimits limits = limits(4, Duration.ofMinutes(10), 3, Duration.ofMillis(200));
    int allowed = 0;
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 3; i++) {
        allowed += limits.allow("survey:a", "client") ? 1 : 0;
      }
      Thread.sleep(250);
    }
    assertThat(allowed).isEqualTo(4);
    assertThat(limits.retryAfter("survey:a", "client")).isGreaterThan(Duration.ofMinutes(9));
  }

  @Test
  void theBurstWindowRefillsAfterItPasses() throws InterruptedException {
    SubmissionLimits limits = limits(100, Duration.ofMinutes(10), 2, Duration.ofMillis(200));
    assertThat(limits.allow("s", "c")).isTrue();
    assertThat(limits.allow("s", "c")).isTrue();
    assertThat(limits.allow("s", "c")).isFalse();
    Thread.sleep(300);
    assertThat(limits.allow("s", "c")).isTrue();
  }

  @Test
  void eachAddressAndEachScopeHasItsOwnLimit() {
    SubmissionLimits limits = limits(1, Duration.ofMinutes(10), 1, Duration.ofMinutes(1));
    assertThat(limits.allow("survey:a", "one")).isTrue();
    assertThat(limits.allow("survey:a", "one")).isFalse();
    assertThat(limits.allow("survey:a", "two")).isTrue();
    assertThat(limits.allow("survey:b", "one")).isTrue();
  }

  @Test
  void aKeyNeverSeenOrNotLimitedNeedsNoWait() {
    SubmissionLimits limits = limits(10, Duration.ofMinutes(10), 5, Duration.ofMinutes(1));
    assertThat(limits.retryAfter("survey:a", "nobody")).isZero();
    limits.allow("survey:a", "somebody");
    assertThat(limits.retryAfter("survey:a", "somebody")).isZero();
  }
}
