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
  void withoutTaskTheLinkIsTasklist() {
    assertThat(composer.taskLink(null)).isEqualTo("https://review.jiyuan.gov.cn/camunda/app/tasklist/default/");
  }
}
