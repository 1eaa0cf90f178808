package cn.jiyuan.decisionreview.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: Beijing time, read from the engine's clock. Timers, due dates and the rules
 * that compare dates (the Art. 20 twelve months, the Art. 27 expiry, overdue lists) thus agree, also when a test or
 * an operator moves the engine clock ({@code ClockUtil.setCurrentTime}).
 */
public final class BeijingClock extends Clock {

  /** China has one time zone and no daylight saving; every date a person sees is a Beijing date. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public static final BeijingClock INSTANCE = new BeijingClock();

  private BeijingClock() {}

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  /** Other zones are not offered: a date in this system is a Beijing date. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZONE.equals(zone)) {
      throw new UnsupportedOperationException("本系统只使用北京时间");
    }
    return this;
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.now(this);
  }

  public ZonedDateTime now() {
    return ZonedDateTime.now(this);
  }
}
