package cn.jiyuan.decisionreview.notification;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code decision-review.notification.*}: webhooks per group, the sender's schedule and retries, the mail sender. */
@ConfigurationProperties(prefix = "decision-review.notification")
public class NotificationProperties {

  /** Group id → webhook URL (e.g. a WeCom/DingTalk robot) that receives the group's notifications. */
  private Map<String, String> webhooks = new LinkedHashMap<>();
  private final Sender sender = new Sender();
  private final Mail mail = new Mail();
  private final Webhook webhook = new Webhook();

  public Map<String, String> getWebhooks() {
    return webhooks;
  }

  public void setWebhooks(Map<String, String> webhooks) {
    this.webhooks = webhooks;
  }

  public Sender getSender() {
    return sender;
  }

  public Mail getMail() {
    return mail;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public static class Sender {
    /** false: no node-local polling (sendDue() can still be called). */
    private boolean enabled = true;
    /** Pause between two polls (read by @Scheduled as decision-review.notification.sender.fixed-delay). */
    private Duration fixedDelay = Duration.ofSeconds(5);
    /** Delay before the 2nd attempt; each further attempt waits twice as long. */
    private Duration backoffBase = Duration.ofSeconds(30);
    /** After this many failed attempts the notification is FAILED. */
    private int maxAttempts = 5;
    /** Rows read per query in one pass; they are split among the threads, one SMTP connection per thread. */
    private int batchSize = 100;
    /** Sender threads of this node: each claims its slice of a batch in one statement and delivers it over its own connection. */
    private int threads = 4;
    /** A row left in SENDING longer than this (its node died while sending) is offered again. */
    private Duration sendingLease = Duration.ofMinutes(5);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getFixedDelay() {
      return fixedDelay;
    }

    public void setFixedDelay(Duration fixedDelay) {
      this.fixedDelay = fixedDelay;
    }

    public Duration getBackoffBase() {
      return backoffBase;
    }

    public void setBackoffBase(Duration backoffBase) {
      this.backoffBase = backoffBase;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }

    public Duration getSendingLease() {
      return sendingLease;
    }

    public void setSendingLease(Duration sendingLease) {
      this.sendingLease = sendingLease;
    }
  }

  public static class Mail {
    private String from = "noreply@jiyuan.gov.cn";

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }
  }

  public static class Webhook {
    private Duration timeout = Duration.ofSeconds(10);

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
