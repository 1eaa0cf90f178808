package cn.jiyuan.decisionreview.notification;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers due outbox rows. Every statement commits on its own, outside any engine transaction, so a dead
 * mail server never rolls back or blocks process work. A pass reads up to {@code batch-size} due rows and splits them
 * into one slice per sender thread; each slice is delivered over one connection per channel ({@link
 * NotificationChannel#batch()}: one SMTP connection for the slice). Each row is claimed just before it is sent with a
 * conditional UPDATE (PENDING → SENDING); only the node whose update count is 1 sends, so two nodes never send the
 * same row. It is marked SENT as soon as the server accepted it, not at the end of the batch. A failure concerns that
 * row alone: it increments {@code attempts} and reschedules with exponential backoff (base × 2ⁿ⁻¹, on the
 * application's clock) until {@code max-attempts}, then the row is FAILED with its last error.
 *
 * <p>Delivery is at-least-once, in two cases only: a node that died between the server's acceptance and the SENT
 * update (the row is offered again after {@code sending-lease}), and a connection that broke after the server took
 * the data but before its reply arrived (see {@link MailChannel}). Both copies carry the same Message-ID.
 */
@Component
public class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final JdbcTemplate jdbc;
  private final JdbcTemplate batchQuery;
  private final NotificationProperties properties;
  private final Map<Notification.Channel, NotificationChannel> channels = new EnumMap<>(Notification.Channel.class);
  private final Clock clock;
  private final ExecutorService workers;

  public NotificationSender(JdbcTemplate jdbc, NotificationProperties properties, List<NotificationChannel> channels,
      Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.batchQuery = new JdbcTemplate(jdbc.getDataSource());
    this.batchQuery.setMaxRows(Math.max(1, properties.getSender().getBatchSize()));
    channels.forEach(c -> this.channels.put(c.channel(), c));
    int threads = properties.getSender().getThreads();
    AtomicInteger counter = new AtomicInteger();
    this.workers = threads <= 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "notification-sender-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Scheduled(initialDelayString = "${decision-review.notification.sender.fixed-delay:PT5S}",
      fixedDelayString = "${decision-review.notification.sender.fixed-delay:PT5S}")
  public void poll() {
    if (!properties.getSender().isEnabled()) {
      return;
    }
    try {
      int sent = sendDue();
      if (sent > 0) {
        LOG.debug("已发送 {} 条通知", sent);
      }
    } catch (RuntimeException e) {
      LOG.warn("通知发送轮询失败，将在下一轮重试：{}", e.toString());
    }
  }

  /** One pass over the rows due now; returns how many were delivered by this caller. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int sendDue() {
    Instant passStart = clock.instant();
    jdbc.update("UPDATE dr_notification SET status = 'PENDING' WHERE status = 'SENDING' AND next_attempt_at <= ?",
        Timestamp.from(passStart));
    int sent = 0;
    while (true) {
      List<Map<String, Object>> rows = batchQuery.queryForList("SELECT " + NotificationOutbox.COLUMNS
          + " FROM dr_notification WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id",
          Timestamp.from(passStart));
      int claimed = 0;
      for (Outcome outcome : process(rows, passStart)) {
        claimed += outcome == Outcome.NOT_CLAIMED ? 0 : 1;
        sent += outcome == Outcome.SENT ? 1 : 0;
      }
      if (claimed == 0 || rows.size() < properties.getSender().getBatchSize()) {
        return sent;
      }
    }
  }

  private enum Outcome { NOT_CLAIMED, FAILED, SENT }

  /**
   * Splits the rows into one slice per worker (delivery is bound by network latency); each slice goes through one
   * {@link NotificationChannel.Batch} per channel, so one SMTP connection per slice.
   */
  private List<Outcome> process(List<Map<String, Object>> rows, Instant passStart) {
    int slices = workers == null ? 1 : Math.min(properties.getSender().getThreads(), rows.size());
    if (slices <= 1) {
      return deliverSlice(rows, passStart);
    }
    int size = (rows.size() + slices - 1) / slices;
    List<Future<List<Outcome>>> futures = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      List<Map<String, Object>> slice = rows.subList(from, Math.min(rows.size(), from + size));
      futures.add(workers.submit(() -> deliverSlice(slice, passStart)));
    }
    List<Outcome> outcomes = new ArrayList<>(rows.size());
    for (Future<List<Outcome>> future : futures) {
      try {
        outcomes.addAll(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("通知发送被中断", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    return outcomes;
  }

  /** Claims each row just before sending it, and records its outcome at once: a row is SENT only once accepted. */
  private List<Outcome> deliverSlice(List<Map<String, Object>> rows, Instant passStart) {
    Map<Notification.Channel, NotificationChannel.Batch> batches = new EnumMap<>(Notification.Channel.class);
    List<Outcome> outcomes = new ArrayList<>(rows.size());
    try {
      for (Map<String, Object> row : rows) {
        String id = (String) row.get("id");
        int attempts = ((Number) row.get("attempts")).intValue();
        if (!claim(id, attempts, passStart)) {
          outcomes.add(Outcome.NOT_CLAIMED);
          continue;
        }
        outcomes.add(deliver(row, id, attempts, batches) ? Outcome.SENT : Outcome.FAILED);
      }
    } finally {
      batches.values().forEach(NotificationChannel.Batch::close);
    }
    return outcomes;
  }

  @PreDestroy
  void stopWorkers() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  /** PENDING → SENDING, only if nobody touched the row since it was read (another node, a retry, a failure). */
  private boolean claim(String id, int attempts, Instant passStart) {
    Instant leaseEnd = clock.instant().plus(properties.getSender().getSendingLease());
    return jdbc.update("UPDATE dr_notification SET status = 'SENDING', next_attempt_at = ? "
        + "WHERE id = ? AND status = 'PENDING' AND attempts = ? AND next_attempt_at <= ?",
        Timestamp.from(leaseEnd), id, attempts, Timestamp.from(passStart)) == 1;
  }

  private boolean deliver(Map<String, Object> row, String id, int attempts,
      Map<Notification.Channel, NotificationChannel.Batch> batches) {
    try {
      Notification n = toNotification(row);
      NotificationChannel channel = channels.get(n.channel());
      if (channel == null) {
        throw new IllegalStateException("不支持的通知渠道：" + n.channel());
      }
      batches.computeIfAbsent(n.channel(), c -> channel.batch()).send(n);
    } catch (Exception e) {
      failed(id, attempts + 1, e);
      return false;
    }
    jdbc.update("UPDATE dr_notification SET status = 'SENT', sent_at = ?, last_error = NULL "
        + "WHERE id = ? AND status = 'SENDING'", Timestamp.from(clock.instant()), id);
    return true;
  }

  private void failed(String id, int attempts, Exception e) {
    String error = NotificationOutbox.truncate(describe(e), 2000);
    int max = properties.getSender().getMaxAttempts();
    if (attempts >= max) {
      LOG.warn("通知 {} 第 {} 次发送失败，不再重试：{}", id, attempts, error);
      jdbc.update("UPDATE dr_notification SET status = 'FAILED', attempts = ?, last_error = ? "
          + "WHERE id = ? AND status = 'SENDING'", attempts, error, id);
      return;
    }
    Duration backoff = properties.getSender().getBackoffBase().multipliedBy(1L << Math.min(attempts - 1, 20));
    LOG.info("通知 {} 第 {} 次发送失败，{} 后重试：{}", id, attempts, backoff, error);
    jdbc.update("UPDATE dr_notification SET status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ? "
        + "WHERE id = ? AND status = 'SENDING'", attempts, error, Timestamp.from(clock.instant().plus(backoff)), id);
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" ← ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return text.toString();
  }

  static Notification toNotification(Map<String, Object> row) {
    return new Notification((String) row.get("id"), Notification.Kind.valueOf((String) row.get("kind")),
        (String) row.get("task_id"), (String) row.get("process_instance_id"), (String) row.get("decision_number"),
        Notification.Channel.valueOf((String) row.get("channel")), (String) row.get("recipient"),
        (String) row.get("subject"), (String) row.get("body"));
  }
}
