package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.notification.FakeSmtpServer.Received;
import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** One SMTP connection per batch, and what happens when a mail or the connection fails in the middle of one. */
class MailChannelTest {

  private final FakeSmtpServer server = new FakeSmtpServer();
  private final MailChannel channel = channel(server.port());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBatchSendsAllItsMailsOverOneConnection() throws Exception {
    List<Notification> mails = mails(20);
    try (NotificationChannel.Batch batch = channel.batch()) {
      for (Notification n : mails) {
        batch.send(n);
      }
    }
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.received()).extracting(Received::messageId)
        .containsExactlyElementsOf(mails.stream().map(n -> MailChannel.messageId(n, "noreply@jiyuan.gov.cn")).toList());
  }

  @Test
  void aMailSentAloneOpensItsOwnConnection() throws Exception {
    channel.send(mails(1).get(0));
    channel.send(mails(1).get(0));
    assertThat(server.connections()).isEqualTo(2);
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aServerClosingWith421GetsTheMailAgainAtOnceOnANewConnection() throws Exception {
    server.closeWith421After(5);
    List<Notification> mails = mails(12);
    try (NotificationChannel.Batch batch = channel.batch()) {
      for (Notification n : mails) {
        batch.send(n); // none throws: a 421 says the mail was not taken, so sending it again cannot double it
      }
    }
    assertThat(server.connections()).isEqualTo(3);
    assertThat(server.received()).extracting(Received::messageId).doesNotHaveDuplicates().hasSize(12);
  }

  @Test
  void aRefusedRecipientFailsThatMailAloneAndTheConnectionGoesOn() throws Exception {
    server.refuse("nobody");
    List<Notification> mails = List.of(mail(1, "a@jiyuan.gov.cn"), mail(2, "nobody@jiyuan.gov.cn"),
        mail(3, "b@jiyuan.gov.cn"));
    try (NotificationChannel.Batch batch = channel.batch()) {
      batch.send(mails.get(0));
      assertThatThrownBy(() -> batch.send(mails.get(1))).isInstanceOf(SendFailedException.class);
      batch.send(mails.get(2));
    }
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.received()).extracting(Received::recipient).containsExactly("a@jiyuan.gov.cn", "b@jiyuan.gov.cn");
  }

  @Test
  void aDroppedConnectionFailsTheMailInFlightAndTheNextOneReconnects() throws Exception {
    server.dropAfter(3);
    List<Notification> mails = mails(6);
    try (NotificationChannel.Batch batch = channel.batch()) {
      for (int i = 0; i < 3; i++) {
        batch.send(mails.get(i));
      }
      // no reply to this one: whether the server took it is unknown to the client, so it waits for its retry
      assertThatThrownBy(() -> batch.send(mails.get(3))).isInstanceOf(MessagingException.class);
      batch.send(mails.get(4));
      batch.send(mails.get(5));
    }
    assertThat(server.connections()).isEqualTo(2);
    assertThat(server.received()).hasSize(5).extracting(Received::messageId).doesNotHaveDuplicates();
  }

  @Test
  void aBreakAfterTheDataWasTakenIsTheOneCaseOfTwoCopiesAndBothCarryTheSameMessageId() throws Exception {
    server.breakBeforeReplyOnce();
    Notification n = mails(1).get(0);
    try (NotificationChannel.Batch batch = channel.batch()) {
      assertThatThrownBy(() -> batch.send(n)).isInstanceOf(MessagingException.class);
    }
    channel.send(n); // the sender's retry after its backoff
    assertThat(server.received()).extracting(Received::messageId).hasSize(2).containsOnly(
        MailChannel.messageId(n, "noreply@jiyuan.gov.cn"));
  }

  @Test
  void anUnreachableServerFailsTheRestOfTheBatchWithoutWaitingForEachConnection() {
    int dead = NotificationITSupport.freePort();
    MailChannel unreachable = channel(dead);
    try (NotificationChannel.Batch batch = unreachable.batch()) {
      List<Notification> mails = mails(3);
      assertThatThrownBy(() -> batch.send(mails.get(0))).isInstanceOf(MessagingException.class);
      for (int i = 1; i < 3; i++) {
        Notification later = mails.get(i);
        assertThatThrownBy(() -> batch.send(later)).isInstanceOf(MessagingException.class)
            .hasMessageContaining(String.valueOf(dead));
      }
    }
  }

  @Test
  void withoutAMailServerTheChannelRefusesInChinese() {
    MailChannel none = new MailChannel(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
        new NotificationProperties(), "");
    assertThatThrownBy(() -> none.send(mails(1).get(0))).hasMessageContaining("未配置邮件服务器");
  }

  static MailChannel channel(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
    java.util.Properties props = new java.util.Properties();
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "5000");
    sender.setJavaMailProperties(props);
    return new MailChannel(new StaticListableBeanFactory(Map.of("mailSender", sender))
        .getBeanProvider(JavaMailSender.class), new NotificationProperties(), "127.0.0.1");
  }

  private static List<Notification> mails(int n) {
    return IntStream.range(0, n).mapToObj(i -> mail(i, "user" + i + "@jiyuan.gov.cn")).toList();
  }

  private static Notification mail(int i, String to) {
    return Notification.of(Kind.TASK_AVAILABLE, "task-" + i, "pi-" + i, "济政〔2023〕12号", Channel.MAIL, to,
        "【待办】第 " + i + " 条", "正文 " + i);
  }
}
