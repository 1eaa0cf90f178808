package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.notification.Notification.Kind;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationComposerTest {

  private static final String LINK = "https://review.jiyuan.gov.cn/camunda/app/tasklist/default/#/?task=task-42";

  private final NotificationComposer composer = composer();

  private static NotificationComposer composer() {
    OrganisationProperties organisation = new OrganisationProperties("济源市人民政府", "https://review.jiyuan.gov.cn/", null);
    return new NotificationComposer(organisation, new NotificationProperties(), null, "");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyTemplateNamesDecisionTaskDueDateAndTasklistLink(Kind kind) {
    NotificationComposer.Context context = new NotificationComposer.Context("济政〔2023〕12号", "济源市城区停车设施建设实施方案",
        "task-42", "填报实施情况", "pi-7", Instant.parse("2025-03-01T09:00:00Z"));

    NotificationComposer.Message message = composer.message(kind, context);

    assertThat(message.subject()).contains("济政〔2023〕12号《济源市城区停车设施建设实施方案》");
    assertThat(message.body())
        .contains("济政〔2023〕12号", "《济源市城区停车设施建设实施方案》", "“填报实施情况”",
            "2025年3月1日 17:00", LINK);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void subjectsAreDistinctChinese(Kind kind) {
    NotificationComposer.Message message = composer.message(kind,
        new NotificationComposer.Context("济政〔2023〕12号", "《方案》", "t", "办理", null, null));
    assertThat(message.subject()).startsWith("【").doesNotContain("null").doesNotContain("《《");
    assertThat(message.body()).contains("办理期限：未设定").doesNotContain("null");
  }

  @org.junit.jupiter.api.Test
  void aDubanSaysItsLevelAndTheWorkingDaysOverdue() {
    NotificationComposer.Context context = new NotificationComposer.Context("济政〔2023〕12号", "方案", "task-42",
        "填报实施情况", "pi-7", Instant.parse("2026-03-05T09:30:00Z"));

    NotificationComposer.Message first = composer.message(Kind.OVERDUE, context.escalation(1, 0));
    assertThat(first.subject()).isEqualTo("【逾期】济政〔2023〕12号《方案》：填报实施情况已逾期（第1次督办）");
    assertThat(first.body()).contains("已于2026年3月5日 17:30到期，至今尚未办结，现进行第1次督办，请尽快办理。")
        .doesNotContain("已逾期0");

    NotificationComposer.Message third = composer.message(Kind.ESCALATION, context.escalation(3, 6));
    assertThat(third.subject()).isEqualTo("【督办】济政〔2023〕12号《方案》：填报实施情况已逾期（第3次督办）");
    assertThat(third.body()).contains("至今尚未办结，已逾期6个工作日。现进行第3次督办，并同时报送决策机关。", LINK);
  }

  @org.junit.jupiter.api.Test
  void withoutTaskTheLinkIsTasklist() {
    assertThat(composer.taskLink(null)).isEqualTo("https://review.jiyuan.gov.cn/camunda/app/tasklist/default/");
  }
}
