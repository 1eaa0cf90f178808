package cn.jiyuan.decisionreview.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** E-mail through Spring's {@link JavaMailSender} ({@code spring.mail.*}), UTF-8 plain text. */
@Component
public class MailChannel implements NotificationChannel {

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

  @Override
  public void send(Notification n) throws Exception {
    JavaMailSender sender = configured ? mailSender.getIfAvailable() : null;
    if (sender == null) {
      throw new IllegalStateException("本节点未配置邮件服务器（spring.mail.host），无法发送邮件。");
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.getMail().getFrom());
    helper.setTo(n.recipient());
    helper.setSubject(n.subject());
    helper.setText(n.body(), false);
    sender.send(message);
  }
}
