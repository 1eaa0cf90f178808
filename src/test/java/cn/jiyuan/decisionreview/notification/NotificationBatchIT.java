package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.notification.FakeSmtpServer.Received;
import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The sender delivers a pass's batch over one SMTP connection per sender thread, marks each row as soon as the server
 * took it, and retries a failed mail alone with the backoff. The SMTP server is {@link FakeSmtpServer}, which counts
 * connections; the clock is the engine's (ClockUtil), which the sender's backoff reads.
 */
class NotificationBatchIT extends NotificationITSupport {

  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired NotificationOutbox outbox;
  @Autowired NotificationSender sender;
  @Autowired NotificationProperties properties;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;

  private FakeSmtpServer server;
  private int workingPort;

  @BeforeEach
  void fakeServer() {
    jdbc.update("DELETE FROM dr_notification");
    server = new FakeSmtpServer();
    workingPort = mailSender.getPort();
    mailSender.setPort(server.port());
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    mailSender.setPort(workingPort);
    server.close();
  }

  @Test
  void aPassSendsItsBatchOverOneConnectionPerSenderThread() {
    List<Notification> mails = enqueue(40, "batch");

    assertThat(sender.sendDue()).isEqualTo(40);

    assertThat(server.connections()).isBetween(1, properties.getSender().getThreads());
    assertThat(server.received()).extracting(Received::messageId).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(messageIds(mails));
    assertThat(statuses("batch")).containsOnly("SENT");
  }

  @Test
  void oneRefusedMailInABatchIsRetriedAloneWithTheBackoffAndTheOthersAreSent() {
    List<Notification> mails = enqueue(12, "refused");
    Notification refused = Notification.of(Kind.TASK_AVAILABLE, "refused-nobody", "pi-refused-nobody",
        "济政〔2023〕12号", Channel.MAIL, "nobody@jiyuan.gov.cn", "【测试】退信", "测试正文");
    outbox.enqueue(refused);
    server.refuse("nobody");

    assertThat(sender.sendDue()).isEqualTo(12);

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM dr_notification WHERE id = ?", refused.id());
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
    assertThat((String) row.get("last_error")).contains("550");
    assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isEqualTo(T0.plus(properties.getSender()
        .getBackoffBase()));
    assertThat(server.received()).extracting(Received::messageId).containsExactlyInAnyOrderElementsOf(messageIds(mails));
    assertThat(server.connections()).isBetween(1, properties.getSender().getThreads());
  }

  @Test
  void aConnectionDroppedInTheMiddleOfABatchIsOpenedAgainAndEveryMailArrivesOnce() {
    List<Notification> mails = enqueue(40, "dropped");
    server.dropAfter(3);

    int first = sender.sendDue();
    // each thread's slice of 10: after every 3 mails the server hangs up, the 4th fails without a reply, the next
    // mail opens a new connection; the failed ones wait for their backoff
    assertThat(first).isLessThan(40).isGreaterThanOrEqualTo(40 - 40 / 4);
    assertThat(server.connections()).isGreaterThan(properties.getSender().getThreads());
    assertThat(sender.sendDue()).as("the failed ones are not due yet").isZero();

    ClockUtil.setCurrentTime(Date.from(T0.plus(properties.getSender().getBackoffBase()).plusSeconds(1)));
    int second = 0;
    for (int pass = 0; pass < 5 && first + second < 40; pass++) {
      second += sender.sendDue();
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5))));
    }

    assertThat(first + second).isEqualTo(40);
    assertThat(statuses("dropped")).containsOnly("SENT");
    assertThat(server.received()).extracting(Received::messageId).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(messageIds(mails));
  }

  private List<Notification> enqueue(int n, String prefix) {
    List<Notification> mails = IntStream.range(0, n).mapToObj(i -> Notification.of(Kind.TASK_AVAILABLE,
        prefix + "-" + i, "pi-" + prefix + "-" + i, "济政〔2023〕12号", Channel.MAIL, "user" + i + "@jiyuan.gov.cn",
        "【测试】" + prefix + " " + i, "测试正文 " + i)).toList();
    mails.forEach(outbox::enqueue);
    return mails;
  }

  private List<String> statuses(String prefix) {
    return jdbc.queryForList("SELECT status FROM dr_notification WHERE task_id LIKE ?", String.class, prefix + "-%");
  }

  private List<String> messageIds(List<Notification> mails) {
    return mails.stream().map(n -> MailChannel.messageId(n, properties.getMail().getFrom())).toList();
  }
}
