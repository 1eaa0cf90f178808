package cn.jiyuan.decisionreview.notification;

/** Delivers one notification; throws when it could not be delivered (the sender retries later). */
public interface NotificationChannel {

  Notification.Channel channel();

  void send(Notification notification) throws Exception;
}
