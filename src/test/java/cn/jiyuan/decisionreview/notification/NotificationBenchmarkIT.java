package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Throughput of the outbox through a local SMTP server; asserts only that everything was delivered. */
@Tag("benchmark")
class NotificationBenchmarkIT extends NotificationITSupport {

  private static final int N = 500;

  @Autowired NotificationOutbox outbox;
  @Autowired NotificationSender sender;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationProperties properties;

  @Test
  void deliversFiveHundredMails() throws Exception {
    jdbc.update("DELETE FROM dr_notification");
    long enqueueStart = System.nanoTime();
    for (int i = 0; i < N; i++) {
      outbox.enqueue(Notification.of(Kind.TASK_AVAILABLE, "bench-task-" + i, "bench-pi-" + i, "济政〔2023〕12号",
          Channel.MAIL, "user" + (i % 20) + "@jiyuan.gov.cn", "【待办】济政〔2023〕12号《基准测试》：任务 " + i,
          "您好：\n\n这是第 " + i + " 条基准测试通知。"));
    }
    long enqueueMs = (System.nanoTime() - enqueueStart) / 1_000_000;

    long start = System.nanoTime();
    int sent = 0;
    while (sent < N) {
      int pass = sender.sendDue();
      if (pass == 0) {
        break;
      }
      sent += pass;
    }
    long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);

    assertThat(sent).isEqualTo(N);
    assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, N)).isTrue();
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(N);
    String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    System.out.printf("Benchmark: %d notifications in %d ms = %.0f notifications/s via local SMTP on %s"
        + " (enqueue: %d ms, %d sender threads)%n", N, ms, N * 1000.0 / ms, database, enqueueMs,
        properties.getSender().getThreads());
  }
}
