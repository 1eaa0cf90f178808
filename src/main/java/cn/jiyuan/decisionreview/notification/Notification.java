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
    String body,
    String occasion) {

  /** {@code OVERDUE} is the first 督办 (level 1), {@code ESCALATION} each further level. */
  public enum Kind { TASK_AVAILABLE, REMINDER, OVERDUE, ESCALATION, EVALUATION_STARTED, REPORT_RESOLVED }

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

  /** As stored, without {@code occasion}: it only matters for the dedupe key, written at enqueue. */
  public Notification(String id, Kind kind, String taskId, String processInstanceId, String decisionNumber,
      Channel channel, String recipient, String subject, String body) {
    this(id, kind, taskId, processInstanceId, decisionNumber, channel, recipient, subject, body, null);
  }

  /** A new notification with a random id. */
  public static Notification of(Kind kind, String taskId, String processInstanceId, String decisionNumber,
      Channel channel, String recipient, String subject, String body) {
    return of(kind, taskId, processInstanceId, decisionNumber, channel, recipient, subject, body, null);
  }

  /** A new notification with a random id; {@code occasion} tells repeats of one kind for one task apart (督办 level). */
  public static Notification of(Kind kind, String taskId, String processInstanceId, String decisionNumber,
      Channel channel, String recipient, String subject, String body, String occasion) {
    return new Notification(UUID.randomUUID().toString(), kind, taskId, processInstanceId, decisionNumber, channel,
        recipient, subject, body, occasion);
  }

  /**
   * {@code kind|taskId-or-processInstanceId|channel|recipient}, plus {@code |occasion} when there is one: at most one
   * per task, kind, recipient (and occasion, e.g. each 督办 level once).
   */
  public String dedupeKey() {
    return kind + "|" + (taskId != null ? taskId : processInstanceId) + "|" + channel + "|" + recipient
        + (occasion == null ? "" : "|" + occasion);
  }
}
