package cn.jiyuan.decisionreview.notification;

import java.util.Objects;
import java.util.UUID;

/**
 * One message to one recipient over one channel, as written to the outbox ({@code dr_notification}).
 * {@code recipient} is an e-mail address (MAIL), a webhook URL (WEBHOOK) or a user id (LOG).
 */
public record Notification(
    String id,
    Kind kind,
    String taskId,
    String processInstanceId,
    String decisionNumber,
    Channel channel,
    String recipient,
    String subject,
    String body) {

  public enum Kind { TASK_AVAILABLE, REMINDER, OVERDUE, EVALUATION_STARTED, REPORT_RESOLVED }

  public enum Channel { MAIL, WEBHOOK, LOG }

  public enum Status { PENDING, SENDING, SENT, FAILED, CANCELLED }

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (taskId == null && processInstanceId == null) {
      throw new IllegalArgumentException("通知须关联任务或流程实例。");
    }
  }

  /** A new notification with a random id. */
  public static Notification of(Kind kind, String taskId, String processInstanceId, String decisionNumber,
      Channel channel, String recipient, String subject, String body) {
    return new Notification(UUID.randomUUID().toString(), kind, taskId, processInstanceId, decisionNumber, channel,
        recipient, subject, body);
  }

  /** {@code kind|taskId-or-processInstanceId|channel|recipient}: at most one per task, kind and recipient. */
  public String dedupeKey() {
    return kind + "|" + (taskId != null ? taskId : processInstanceId) + "|" + channel + "|" + recipient;
  }
}
