package cn.jiyuan.decisionreview.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * E-mail through the {@code spring.mail.*} server, UTF-8 plain text. A batch uses one SMTP connection ({@link Transport}
 * of the {@link JavaMailSenderImpl}'s session): a new connection costs more than a mail, so it is opened at the first
 * message and reused for the rest.
 *
 * <p>When a message is accepted: {@link Transport#sendMessage} returns only after the server's 250 to the end of the
 * data, and only then does the sender mark the row SENT. Failures:
 * <ul>
 *   <li>the server refuses with a reply (4xx/5xx): it did not take the message; the row is retried with backoff and the
 *       connection, if still open, goes on with the next message. A 421 (the server is closing the connection, e.g.
 *       after its limit of messages per connection) is resent at once on a new connection: the reply says the message
 *       was not taken, so this cannot double it;
 *   <li>the connection breaks without a reply: the next message opens a new connection; this one is retried with
 *       backoff. If the break came after the server had taken the data but before its 250 reached us, the retry is a
 *       second copy. No SMTP client can tell these apart, so delivery is at-least-once; every copy carries the same
 *       {@code Message-ID} (the outbox row's id), by which mail stores and readers recognise the repeat.
 * </ul>
 */
@Component
public class MailChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;
  private final boolean configured;

  public MailChannel(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
      @Value("${spring.mail.host:}") String mailHost) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.configured = StringUtils.hasText(mailHost);
  }

  @Override
  public Notification.Channel channel() {
    return Notification.Channel.MAIL;
  }

  /** One message on its own connection. */
  @Override
  public void send(Notification n) throws Exception {
    try (Batch batch = batch()) {
      batch.send(n);
    }
  }

  @Override
  public Batch batch() {
    JavaMailSender sender = configured ? mailSender.getIfAvailable() : null;
    if (sender instanceof JavaMailSenderImpl impl) {
      return new SmtpBatch(impl);
    }
    return new Batch() {
      @Override
      public void send(Notification n) throws Exception {
        if (sender == null) {
          throw new IllegalStateException("本节点未配置邮件服务器（spring.mail.host），无法发送邮件。");
        }
        MimeMessage message = sender.createMimeMessage(); // another JavaMailSender: it manages its own connections
        compose(message, n);
        sender.send(message);
      }

      @Override
      public void close() {}
    };
  }

  /**
   * What {@code MimeMessageHelper(message, false, "UTF-8")} with setFrom, setTo, setSubject and a plain setText
   * writes, without the helper: on a message that is not the sender's own {@code createMimeMessage()} the helper
   * builds and parses a new MIME type map from the classpath for every mail (half the sender's CPU time, JFR).
   */
  private void compose(MimeMessage message, Notification n) throws MessagingException {
    String utf8 = StandardCharsets.UTF_8.name();
    message.setFrom(single(properties.getMail().getFrom()));
    message.setRecipient(Message.RecipientType.TO, single(n.recipient()));
    message.setSubject(n.subject(), utf8);
    message.setText(n.body(), utf8);
    message.setSentDate(new Date());
  }

  private static InternetAddress single(String address) throws AddressException {
    InternetAddress[] parsed = InternetAddress.parse(address);
    if (parsed.length != 1) {
      throw new AddressException("Illegal address", address);
    }
    return parsed[0];
  }

  /** The row's id as Message-ID: a resent copy (at-least-once) is recognisably the same mail. */
  static String messageId(Notification n, String from) {
    int at = from.lastIndexOf('@');
    return "<" + n.id() + ".decision-review@" + (at < 0 ? "localhost" : from.substring(at + 1)) + ">";
  }

  /** One connection for the messages of a batch, opened at the first one, opened again after it broke. */
  private final class SmtpBatch implements Batch {

    private final JavaMailSenderImpl sender;
    private Transport transport;
    private Exception unreachable;

    SmtpBatch(JavaMailSenderImpl sender) {
      this.sender = sender;
    }

    @Override
    public void send(Notification n) throws Exception {
      MimeMessage message = new OutboxMessage(sender.getSession(), messageId(n, properties.getMail().getFrom()));
      compose(message, n);
      message.saveChanges();
      try {
        connected().sendMessage(message, message.getAllRecipients());
      } catch (SMTPSendFailedException refused) {
        if (refused.getReturnCode() != 421) {
          dropIfBroken();
          throw refused;
        }
        // the server closes this connection and said so before taking the message: resend on a new one
        disconnect();
        try {
          connected().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException again) {
          dropIfBroken();
          throw again;
        }
      } catch (MessagingException | RuntimeException broken) {
        dropIfBroken();
        throw broken;
      }
    }

    private Transport connected() throws Exception {
      if (unreachable != null) {
        // the server did not answer this batch's connection: the remaining messages wait for their retry
        throw unreachable;
      }
      if (transport == null) {
        Transport t = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        try {
          t.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        } catch (Exception e) {
          unreachable = e;
          throw e;
        }
        transport = t;
      }
      return transport;
    }

    /** After a failure only: isConnected() costs a NOOP round trip on an open connection. */
    private void dropIfBroken() {
      if (transport != null && !transport.isConnected()) {
        disconnect();
      }
    }

    private void disconnect() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          LOG.debug("关闭 SMTP 连接失败：{}", e.toString());
        }
        transport = null;
      }
    }

    @Override
    public void close() {
      disconnect();
    }
  }

  /** A MimeMessage whose Message-ID is fixed instead of made anew at each {@code saveChanges()}. */
  private static final class OutboxMessage extends MimeMessage {

    private final String id;

    OutboxMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
