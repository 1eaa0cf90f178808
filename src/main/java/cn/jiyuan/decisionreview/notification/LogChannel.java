package cn.jiyuan.decisionreview.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes the notification to the log: the embedded default when no mail server is configured. */
@Component
public class LogChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

  @Override
  public Notification.Channel channel() {
    return Notification.Channel.LOG;
  }

  @Override
  public void send(Notification n) {
    LOG.info("通知 [{}] 致 {}：{}\n{}", n.kind(), n.recipient(), n.subject(), n.body());
  }
}
