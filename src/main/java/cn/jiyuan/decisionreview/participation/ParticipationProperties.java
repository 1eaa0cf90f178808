package cn.jiyuan.decisionreview.participation;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code decision-review.participation.*}: the public questionnaire and opinion pages (Art. 6, 8(3), 12, 15, 23).
 *
 * @param rateLimit submissions per client address, per survey or decision
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed; empty: none, the
 *     connection's own address counts
 * @param retention how long responses and opinions are kept (Art. 23: no longer than the evaluation needs them)
 * @param opinionWindow the rolling window over which opinions on one decision are counted for Art. 8(3)
 * @param minSurveyResponses fewest online responses a full evaluation needs at 正式形成评估报告, unless justified
 * @param maxBodyBytes largest accepted public request body
 */
@ConfigurationProperties(prefix = "decision-review.participation")
public record ParticipationProperties(@DefaultValue RateLimit rateLimit, @DefaultValue List<String> trustedProxies,
    @DefaultValue("P2Y") Period retention, @DefaultValue("P90D") Period opinionWindow,
    @DefaultValue("30") int minSurveyResponses, @DefaultValue("65536") int maxBodyBytes) {

  /**
   * At most {@code submissions} per {@code window}, and at most {@code burst} per {@code burstWindow}, per client
   * address and survey (or decision).
   */
  public record RateLimit(@DefaultValue("60") int submissions, @DefaultValue("PT10M") Duration window,
      @DefaultValue("10") int burst, @DefaultValue("PT10S") Duration burstWindow) {
  }
}
