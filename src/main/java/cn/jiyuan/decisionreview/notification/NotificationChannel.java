package cn.jiyuan.decisionreview.notification;

/**
 * Delivers notifications of one channel; {@link #send} throws when one could not be delivered (the sender retries it
 * later). The sender delivers a claimed batch through one {@link Batch}, so a channel with a costly connection (SMTP)
 * opens it once per batch; LOG and webhook need nothing of that (the webhook's HttpClient keeps its own pool).
 */
public interface NotificationChannel {

  Notification.Channel channel();

  void send(Notification notification) throws Exception;

  /** A batch that shares what this channel can share between messages; closed by the sender after the batch. */
  default Batch batch() {
    return new Batch() {
      @Override
      public void send(Notification notification) throws Exception {
        NotificationChannel.this.send(notification);
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Messages sent one after another by one sender thread. {@link #send} returns only when the message was accepted;
   * a failure concerns that message alone, the batch goes on with the next one.
   */
  interface Batch extends AutoCloseable {

    void send(Notification notification) throws Exception;

    @Override
    void close();
  }
}
