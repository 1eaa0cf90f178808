package cn.jiyuan.decisionreview.participation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The public pages' rate limits: per client address and per survey (or decision), at most
 * {@code rate-limit.submissions} per {@code window} and {@code burst} per {@code burst-window}. Each key holds two
 * resilience4j limiters, kept in a bounded cache that forgets a key once its window has passed unused, so that
 * many addresses cost memory only while they are active. Limits are per node: behind a load balancer with n nodes
 * an address gets at most n times the limit, which the README states.
 */
@Component
public class SubmissionLimits {

  /** Addresses remembered at once; beyond it the least recently used are forgotten (and start afresh). */
  static final long MAX_KEYS = 200_000;

  private final RateLimiterConfig sustained;
  private final RateLimiterConfig burst;
  private final Cache<String, RateLimiter[]> limiters;

  public SubmissionLimits(ParticipationProperties properties) {
    ParticipationProperties.RateLimit limit = properties.rateLimit();
    this.sustained = config(limit.submissions(), limit.window());
    this.burst = config(limit.burst(), limit.burstWindow());
    Duration keep = limit.window().compareTo(limit.burstWindow()) > 0 ? limit.window() : limit.burstWindow();
    this.limiters = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(keep).build();
  }

  /**
   * Counts one submission of {@code clientHash} to {@code scope} (e.g. {@code survey:<id>}) and tells whether it is
   * within the limits. A refused submission still counts against the burst window only as far as the limiter
   * had permits left; it never waits.
   */
  public boolean allow(String scope, String clientHash) {
    RateLimiter[] pair = limiters.get(scope + '|' + clientHash,
        key -> new RateLimiter[] {RateLimiter.of(key + "#burst", burst), RateLimiter.of(key, sustained)});
    return pair[0].acquirePermission() && pair[1].acquirePermission();
  }

  /**
   * After a refusal: how long until both limits of the key have a permit again (for {@code Retry-After}); zero when
   * the key is not limited.
   */
  public Duration retryAfter(String scope, String clientHash) {
    RateLimiter[] pair = limiters.getIfPresent(scope + '|' + clientHash);
    long nanos = 0;
    if (pair != null) {
      for (RateLimiter limiter : pair) {
        if (limiter instanceof AtomicRateLimiter atomic && atomic.getMetrics().getAvailablePermissions() <= 0) {
          nanos = Math.max(nanos, atomic.getDetailedMetrics().getNanosToWait());
        }
      }
    }
    return Duration.ofNanos(nanos);
  }

  private static RateLimiterConfig config(int permits, Duration period) {
    return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO)
        .build();
  }
}
