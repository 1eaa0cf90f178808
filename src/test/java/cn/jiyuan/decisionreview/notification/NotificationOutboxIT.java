package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import cn.jiyuan.decisionreview.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class NotificationOutboxIT extends NotificationITSupport {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final NotificationComposer.Context CONTEXT = new NotificationComposer.Context("济政〔2023〕12号",
      "济源市城区停车设施建设实施方案", "task-outbox-1", "填报实施情况", "pi-outbox-1", Instant.parse("2025-03-01T09:00:00Z"));

  @LocalServerPort int port;
  @Autowired NotificationOutbox outbox;
  @Autowired NotificationSender sender;
  @Autowired NotificationComposer composer;
  @Autowired NotificationProperties properties;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("DELETE FROM dr_notification");
  }

  @Test
  void mailToAUserArrivesInChinese() throws Exception {
    List<Notification> notifications = composer.compose(Kind.TASK_AVAILABLE, CONTEXT, List.of("sifa"), List.of());
    assertThat(notifications).singleElement().satisfies(n -> {
      assertThat(n.channel()).isEqualTo(Channel.MAIL);
      assertThat(n.recipient()).isEqualTo("sifa@jiyuan.gov.cn");
    });
    notifications.forEach(outbox::enqueue);

    assertThat(sender.sendDue()).isEqualTo(1);

    assertThat(GREEN_MAIL.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sifa@jiyuan.gov.cn");
    assertThat(mail.getSubject()).isEqualTo("【待办】济政〔2023〕12号《济源市城区停车设施建设实施方案》：填报实施情况");
    assertThat((String) mail.getContent()).contains("有一项新的待办任务“填报实施情况”", "2025年3月1日 17:00",
        "/camunda/app/tasklist/default/#/?task=task-outbox-1");
    assertThat(status(notifications.get(0).id())).isEqualTo("SENT");
    assertThat(sender.sendDue()).isZero();
  }

  @Test
  void groupNotificationsGoToMembersAndTheGroupWebhook() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    properties.getWebhooks().put("legal-affairs", url);
    try {
      List<Notification> notifications = composer.compose(Kind.OVERDUE, CONTEXT, List.of(), List.of("legal-affairs"));
      assertThat(notifications).extracting(Notification::channel, Notification::recipient)
          .contains(org.assertj.core.groups.Tuple.tuple(Channel.MAIL, "sifa@jiyuan.gov.cn"),
              org.assertj.core.groups.Tuple.tuple(Channel.WEBHOOK, url));
      notifications.forEach(outbox::enqueue);

      assertThat(sender.sendDue()).isEqualTo(notifications.size());

      assertThat(received).hasSize(1);
      JsonNode json = MAPPER.readTree(received.get(0));
      assertThat(json.path("msgtype").asText()).isEqualTo("text");
      assertThat(json.path("text").path("content").asText()).contains("【逾期】", "济政〔2023〕12号", "填报实施情况",
          "/camunda/app/tasklist/default/#/?task=task-outbox-1");
      assertThat(json.path("decisionNumber").asText()).isEqualTo("济政〔2023〕12号");
      assertThat(json.path("kind").asText()).isEqualTo("OVERDUE");
    } finally {
      properties.getWebhooks().remove("legal-affairs");
      server.stop(0);
    }
  }

  @Test
  void failedMailIsRetriedWithBackoffListedAndResentOnRequest() throws Exception {
    Notification n = mailToSifa(Kind.REMINDER, "task-dead-smtp");
    outbox.enqueue(n);
    int workingPort = mailSender.getPort();
    mailSender.setPort(freePort());
    try {
      for (int attempt = 1; attempt <= 5; attempt++) {
        Instant before = Instant.now();
        assertThat(sender.sendDue()).isZero();
        Map<String, Object> row = row(n.id());
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(attempt);
        assertThat((String) row.get("last_error")).isNotBlank();
        if (attempt < 5) {
          assertThat(row.get("status")).isEqualTo("PENDING");
          // Exponential backoff: 30 s, 60 s, 120 s, 240 s (default base 30 s × 2ⁿ⁻¹).
          Duration wait = Duration.between(before, ((Timestamp) row.get("next_attempt_at")).toInstant());
          assertThat(wait).isBetween(Duration.ofSeconds(30L << (attempt - 1)).minusSeconds(1),
              Duration.ofSeconds(30L << (attempt - 1)).plusSeconds(5));
          assertThat(sender.sendDue()).as("not due yet").isZero();
          assertThat(((Number) row(n.id()).get("attempts")).intValue()).isEqualTo(attempt);
          jdbc.update("UPDATE dr_notification SET next_attempt_at = ? WHERE id = ?",
              Timestamp.from(Instant.now().minusSeconds(1)), n.id());
        } else {
          assertThat(row.get("status")).isEqualTo("FAILED");
        }
      }
    } finally {
      mailSender.setPort(workingPort);
    }
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

    Http sifa = Http.basic(port, "sifa", "demo");
    Http.Response failed = sifa.get("/api/notifications?status=FAILED");
    assertThat(failed.status()).isEqualTo(200);
    JsonNode listed = failed.json().get(0);
    assertThat(failed.json()).hasSize(1);
    assertThat(listed.path("id").asText()).isEqualTo(n.id());
    assertThat(listed.path("kind").asText()).isEqualTo("REMINDER");
    assertThat(listed.path("channel").asText()).isEqualTo("MAIL");
    assertThat(listed.path("recipient").asText()).isEqualTo("sifa@jiyuan.gov.cn");
    assertThat(listed.path("subject").asText()).isEqualTo(n.subject());
    assertThat(listed.path("decisionNumber").asText()).isEqualTo("济政〔2023〕12号");
    assertThat(listed.path("attempts").asInt()).isEqualTo(5);
    assertThat(listed.path("lastError").asText()).isNotBlank();
    assertThat(listed.path("createdAt").asText()).isNotBlank();

    Http.Response refused = Http.basic(port, "fgw", "demo").get("/api/notifications?status=FAILED");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).contains("市司法局");
    assertThat(Http.basic(port, "fgw", "demo").postJson("/api/notifications/" + n.id() + "/retry", "{}").status())
        .isEqualTo(403);
    assertThat(sifa.get("/api/notifications?status=LOST").status()).isEqualTo(400);
    Http.Response unknown = sifa.postJson("/api/notifications/no-such-id/retry", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).contains("未找到");

    Http.Response retried = sifa.postJson("/api/notifications/" + n.id() + "/retry", "{}");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().path("status").asText()).isEqualTo("PENDING");
    assertThat(retried.json().path("attempts").asInt()).isZero();

    // on a database other test contexts share (PostgreSQL round), their deadline watch may have queued rows too
    assertThat(sender.sendDue()).isPositive();
    assertThat(GREEN_MAIL.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(GREEN_MAIL.getReceivedMessages()).extracting(MimeMessage::getSubject).contains(n.subject());
    assertThat(status(n.id())).isEqualTo("SENT");
    assertThat(sifa.postJson("/api/notifications/" + n.id() + "/retry", "{}").status()).isEqualTo(409);
  }

  @Test
  void theSameDedupeKeyIsStoredOnce() {
    outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-dup"));
    outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-dup"));
    outbox.enqueue(mailToSifa(Kind.REMINDER, "task-dup"));
    assertThat(count("task-dup")).isEqualTo(2);
  }

  @Test
  void aRacingDuplicateNeitherFailsNorPoisonsTheCallersTransaction() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
      outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-race"));
      firstInserted.countDown();
      await(secondStarted);
      sleep(300); // the second insert now waits for this uncommitted row
    }));
    await(firstInserted);
    tx.executeWithoutResult(s -> {
      secondStarted.countDown();
      outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-race"));
      // The transaction is still usable after the swallowed duplicate.
      outbox.enqueue(mailToSifa(Kind.REMINDER, "task-race"));
    });
    first.get(20, TimeUnit.SECONDS);
    assertThat(jdbc.queryForList("SELECT kind FROM dr_notification WHERE task_id = 'task-race' ORDER BY kind",
        String.class)).containsExactly("REMINDER", "TASK_AVAILABLE");
  }

  @Test
  void twoSendersDeliverEachOfFiftyRowsExactlyOnce() throws Exception {
    for (int i = 0; i < 50; i++) {
      outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-concurrent-" + i));
    }
    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(sender::sendDue);
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(sender::sendDue);
    int sent = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);

    assertThat(sent).isEqualTo(50);
    GREEN_MAIL.waitForIncomingEmail(5000, 51);
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(50);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_notification WHERE status = 'SENT'", Integer.class))
        .isEqualTo(50);
  }

  @Test
  void aRolledBackTransactionLeavesNoNotification() {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.executeWithoutResult(status -> {
      outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-rolled-back"));
      assertThat(count("task-rolled-back")).isEqualTo(1);
      status.setRollbackOnly();
    });
    assertThat(count("task-rolled-back")).isZero();

    tx.executeWithoutResult(status -> outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-committed")));
    assertThat(count("task-committed")).isEqualTo(1);
  }

  @Test
  void cancellingATaskCancelsItsPendingNotifications() {
    outbox.enqueue(mailToSifa(Kind.TASK_AVAILABLE, "task-cancel"));
    outbox.enqueue(mailToSifa(Kind.REMINDER, "task-cancel"));
    assertThat(outbox.cancelForTask("task-cancel")).isEqualTo(2);
    assertThat(sender.sendDue()).isZero();
    assertThat(jdbc.queryForList("SELECT status FROM dr_notification WHERE task_id = 'task-cancel'", String.class))
        .containsOnly("CANCELLED");
  }

  private static Notification mailToSifa(Kind kind, String taskId) {
    return Notification.of(kind, taskId, "pi-" + taskId, "济政〔2023〕12号", Channel.MAIL, "sifa@jiyuan.gov.cn",
        "【测试】" + taskId, "测试正文：" + taskId);
  }

  private Map<String, Object> row(String id) {
    return jdbc.queryForMap("SELECT * FROM dr_notification WHERE id = ?", id);
  }

  private String status(String id) {
    return (String) row(id).get("status");
  }

  private int count(String taskId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dr_notification WHERE task_id = ?", Integer.class, taskId);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
