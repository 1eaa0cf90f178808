package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Fault test (issue 13, item 7): the mail server is down for five minutes while notifications keep coming. None is
 * lost, none is sent twice: every outbox row ends SENT and GreenMail holds exactly one mail per row (by Message-ID).
 * The five minutes pass on the engine clock, which the sender's backoff reads, so the test takes seconds; each pass
 * is what the scheduled sender does every {@code fixed-delay}.
 */
class MailServerOutageIT extends NotificationITSupport {

  private static final Duration POLL = Duration.ofSeconds(15);
  private static final Duration OUTAGE = Duration.ofMinutes(5);

  @Autowired NotificationOutbox outbox;
  @Autowired NotificationSender sender;
  @Autowired NotificationProperties properties;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;

  @Test
  void fiveMinutesWithoutAMailServerLoseNothingAndDoubleNothing() throws Exception {
    jdbc.update("DELETE FROM dr_notification");
    int port = freePort();
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail before = new GreenMail(setup);
    GreenMail after = null;
    int workingPort = mailSender.getPort();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> received = new ArrayList<>();
    try {
      mailSender.setPort(port);
      before.start();
      ClockUtil.setCurrentTime(Date.from(t0));
      enqueue("outage-before", 10);
      assertThat(sender.sendDue()).isEqualTo(10);
      received.addAll(messageIds(before.getReceivedMessages()));

      before.stop();
      Instant now = t0;
      int wave = 0;
      while (now.isBefore(t0.plus(OUTAGE))) {
        if (Duration.between(t0, now).toSeconds() % 60 == 0) {
          enqueue("outage-during-" + wave++, 10); // notifications keep coming while the server is down
        }
        assertThat(sender.sendDue()).isZero();
        now = tick(now);
      }
      assertThat(count("PENDING")).isEqualTo(10 * wave);
      assertThat(count("FAILED")).as("five minutes are within the retries").isZero();

      after = new GreenMail(setup);
      after.start();
      Instant back = now;
      int delivered = 0;
      while (count("PENDING") > 0 && now.isBefore(back.plus(Duration.ofMinutes(20)))) {
        delivered += sender.sendDue();
        now = tick(now);
      }
      assertThat(delivered).isEqualTo(10 * wave);
      received.addAll(messageIds(after.getReceivedMessages()));
      System.out.printf("mail server down %s: %d notifications queued meanwhile, all delivered %s after it came "
          + "back (the backoff's next attempt)%n", OUTAGE, 10 * wave, Duration.between(back, now));
    } finally {
      ClockUtil.reset();
      mailSender.setPort(workingPort);
      before.stop();
      if (after != null) {
        after.stop();
      }
    }

    List<String> rows = jdbc.queryForList("SELECT id FROM dr_notification WHERE task_id LIKE 'outage-%'", String.class);
    assertThat(rows).hasSize(10 + 10 * 5);
    assertThat(count("SENT")).isEqualTo(rows.size());
    Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    assertThat(copies.keySet()).as("0 lost").containsExactlyInAnyOrderElementsOf(rows);
    assertThat(copies.values()).as("0 duplicated").containsOnly(1L);
  }

  private Instant tick(Instant now) {
    Instant next = now.plus(POLL);
    ClockUtil.setCurrentTime(Date.from(next));
    return next;
  }

  private void enqueue(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      outbox.enqueue(Notification.of(Kind.TASK_AVAILABLE, prefix + "-" + i, "pi-" + prefix + "-" + i,
          "济政〔2023〕12号", Channel.MAIL, "user" + i + "@jiyuan.gov.cn", "【测试】" + prefix + " " + i, "测试正文"));
    }
  }

  private int count(String status) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dr_notification WHERE task_id LIKE 'outage-%' AND status = ?",
        Integer.class, status);
  }

  /** The outbox row id each mail carries in its Message-ID ({@code <id.decision-review@…>}). */
  private static List<String> messageIds(MimeMessage[] mails) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (MimeMessage mail : mails) {
      String header = mail.getMessageID();
      ids.add(header.substring(1, header.indexOf(".decision-review@")));
    }
    return ids;
  }
}
