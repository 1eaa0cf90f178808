package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code workingDayCalendar}: the years loaded and their sources. Always UP, since a missing year
 * still counts Monday to Friday; when this or next year has no data a Chinese {@code warning} asks for the file.
 */
@Component
public class WorkingDayCalendarHealthIndicator implements HealthIndicator {

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;
  private final Clock clock;

  /** @param clock the application's {@link cn.jiyuan.decisionreview.shared.BeijingClock}, or a fixed one in tests */
  public WorkingDayCalendarHealthIndicator(WorkingDayCalendar calendar, CalendarProperties properties, Clock clock) {
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    int thisYear = LocalDate.now(clock.withZone(BeijingClock.ZONE)).getYear();
    List<Integer> provisional = Stream.of(thisYear, thisYear + 1).filter(calendar::isProvisional).toList();
    Map<String, String> sources = new LinkedHashMap<>();
    calendar.sources().forEach((year, source) -> sources.put(String.valueOf(year), source));
    String extraDir = properties.getExtraDir().toAbsolutePath().normalize().toString();
    Health.Builder health = Health.up()
        .withDetail("years", List.copyOf(calendar.years()))
        .withDetail("provisionalYears", provisional)
        .withDetail("sources", sources)
        .withDetail("extraDir", extraDir);
    if (!provisional.isEmpty()) {
      String years = provisional.stream().map(y -> y + " 年").collect(Collectors.joining("、"));
      String files = provisional.stream().map(y -> y + ".json").collect(Collectors.joining("、"));
      health.withDetail("warning", years + "的放假安排尚未录入，暂按周一至周五计算工作日，涉及的期限为临时结果。"
          + "国务院办公厅发布放假通知后，请在 " + extraDir + " 目录添加 " + files + " 并重启系统。");
    }
    return health.build();
  }
}
