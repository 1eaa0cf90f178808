package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.notification.Notification;
import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The 督办 cadence without Spring or engine: next levels across weekends, the Spring Festival and 调休, levels, recipients. */
class EscalationCadenceTest {

  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(CalendarFiles.bundled());
  private static final EscalationCadence EVERY_3 = new EscalationCadence(CALENDAR, 3);

  static Instant beijing(String day, String time) {
    return LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(BeijingClock.ZONE).toInstant();
  }

  @Test
  void theNextLevelIsThreeWorkingDaysLaterAtTheDueTime() {
    // Thursday 5 March: Friday 6, Monday 9, Tuesday 10 (the weekend does not count).
    Instant due = beijing("2026-03-05", "17:30");
    Instant second = EVERY_3.nextAfter(beijing("2026-03-05", "17:31"), due);
    assertThat(second).isEqualTo(beijing("2026-03-10", "17:30"));
    // D, D+3, D+6 working days: 11, 12, 13 March.
    assertThat(EVERY_3.nextAfter(second, due)).isEqualTo(beijing("2026-03-13", "17:30"));
  }

  @Test
  void holidaysAndMakeUpWorkdaysCount() {
    Instant springFestival = beijing("2026-02-13", "17:30");
    // 14 Feb is a make-up Saturday (1), 15–23 Feb the Spring Festival, then 24 (2) and 25 (3).
    assertThat(EVERY_3.nextAfter(beijing("2026-02-13", "18:00"), springFestival)).isEqualTo(beijing("2026-02-25", "17:30"));
    // 27 Feb (1), Saturday 28 Feb a make-up workday (2), Monday 2 March (3).
    assertThat(EVERY_3.nextAfter(beijing("2026-02-26", "18:00"), beijing("2026-02-26", "17:30")))
        .isEqualTo(beijing("2026-03-02", "17:30"));
    // National Day 1–7 Oct: 8 (1), 9 (2), Saturday 10 Oct a make-up workday (3).
    assertThat(EVERY_3.nextAfter(beijing("2026-09-30", "17:40"), beijing("2026-09-30", "17:30")))
        .isEqualTo(beijing("2026-10-10", "17:30"));
  }

  @Test
  void aLatePassDoesNotBringTwoLevelsCloser() {
    // Due on Friday; the nodes were down until Saturday night: the next level is 3 working days after that.
    Instant due = beijing("2026-03-06", "17:30");
    assertThat(EVERY_3.nextAfter(beijing("2026-03-07", "23:00"), due)).isEqualTo(beijing("2026-03-11", "17:30"));
    assertThat(EVERY_3.nextAfter(beijing("2026-03-09", "09:00"), due)).isEqualTo(beijing("2026-03-12", "17:30"));
  }

  @Test
  void theIntervalIsConfigurable() {
    Instant due = beijing("2026-03-05", "17:30");
    assertThat(new EscalationCadence(CALENDAR, 1).nextAfter(beijing("2026-03-05", "18:00"), due))
        .isEqualTo(beijing("2026-03-06", "17:30"));
    assertThat(new EscalationCadence(CALENDAR, 5).nextAfter(beijing("2026-03-05", "18:00"), due))
        .isEqualTo(beijing("2026-03-12", "17:30"));
    assertThatThrownBy(() -> new EscalationCadence(CALENDAR, 0)).hasMessageContaining("正整数");
  }

  @Test
  void workingDaysOverdueCountFromTheDayAfterTheDueDate() {
    Instant due = beijing("2026-02-13", "17:30");
    assertThat(EVERY_3.workingDaysOverdue(due, beijing("2026-02-13", "18:00"))).isZero();
    assertThat(EVERY_3.workingDaysOverdue(due, beijing("2026-02-23", "18:00"))).isEqualTo(1);
    assertThat(EVERY_3.workingDaysOverdue(due, beijing("2026-02-25", "18:00"))).isEqualTo(3);
  }

  @Test
  void theDecisionAuthorityIsToldFromTheSecondLevelOn() {
    assertThat(EVERY_3.supervisors(1)).containsExactly("supervision-office");
    assertThat(EVERY_3.supervisors(2)).containsExactly("supervision-office", "decision-authority");
    assertThat(EVERY_3.supervisors(7)).containsExactly("supervision-office", "decision-authority");
    assertThatThrownBy(() -> EVERY_3.supervisors(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachLevelHasItsOwnDedupeKeyAndTheFirstKeepsTheOldOne() {
    Notification first = Notification.of(Kind.OVERDUE, "t1", "pi", null, Channel.LOG, "sifa", "s", "b");
    Notification second = Notification.of(Kind.ESCALATION, "t1", "pi", null, Channel.LOG, "sifa", "s", "b", "level-2");
    Notification third = Notification.of(Kind.ESCALATION, "t1", "pi", null, Channel.LOG, "sifa", "s", "b", "level-3");
    assertThat(first.dedupeKey()).isEqualTo("OVERDUE|t1|LOG|sifa");
    assertThat(List.of(first.dedupeKey(), second.dedupeKey(), third.dedupeKey())).doesNotHaveDuplicates();
  }

  @Test
  void theRecordNamesRecipientsButNoWebhookKey() {
    List<Notification> notices = List.of(
        Notification.of(Kind.ESCALATION, "t1", "pi", null, Channel.LOG, "sifa", "s", "b", "level-2"),
        Notification.of(Kind.ESCALATION, "t1", "pi", null, Channel.MAIL, "ducha@jiyuan.gov.cn", "s", "b", "level-2"),
        Notification.of(Kind.ESCALATION, "t1", "pi", null, Channel.WEBHOOK,
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET", "s", "b", "level-2"));
    assertThat(Escalations.recipients(notices)).isEqualTo("sifa、ducha@jiyuan.gov.cn、Webhook（qyapi.weixin.qq.com）");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DeadlineProperties.class)
  static class Properties {}

  @Test
  void theIntervalDefaultsToThreeAndANonPositiveValueRefusesToStart() {
    ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);
    runner.run(context -> assertThat(context.getBean(DeadlineProperties.class).escalationEvery()).isEqualTo(3));
    runner.withInitializer(new ConfigDataApplicationContextInitializer()).withPropertyValues("server.port=8080")
        .run(context -> assertThat(context.getBean(DeadlineProperties.class).escalationEvery()).as("application.yaml")
            .isEqualTo(3));
    runner.withPropertyValues("decision-review.deadline.escalation-every=5")
        .run(context -> assertThat(context.getBean(DeadlineProperties.class).escalationEvery()).isEqualTo(5));
    for (String value : List.of("0", "-2")) {
      runner.withPropertyValues("decision-review.deadline.escalation-every=" + value).run(context -> {
        assertThat(context).hasFailed();
        Throwable root = context.getStartupFailure();
        while (root.getCause() != null) {
          root = root.getCause();
        }
        assertThat(root).hasMessage("decision-review.deadline.escalation-every（逾期任务再次督办的间隔）须为正整数个工作日，当前为 "
            + value + "。");
      });
    }
  }
}
