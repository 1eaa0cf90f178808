package cn.jiyuan.decisionreview.notification;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * mail server never rolls back or blocks process work. A pass reads up to {@code batch-size} due ids at a time and
 * splits them into one slice per sender thread; each thread's slices go over one connection per channel, opened at
 * its first mail and kept for the whole pass ({@link NotificationChannel#batch()}: one SMTP connection per thread). A slice is claimed in one conditional UPDATE
 * (PENDING → SENDING with a claim token, see {@link #claim}); a row belongs to the one claimer whose token it carries,
 * so two nodes never send the same row. The rows the server accepted are marked SENT together, in one UPDATE at the
 * end of the slice: two committed statements per slice instead of two per mail. A failure concerns that row alone and
 * is recorded at once: it increments {@code attempts} and reschedules with exponential backoff (base × 2ⁿ⁻¹, on the
 * application's clock) until {@code max-attempts}, then the row is FAILED with its last error.
 *
 * <p>Delivery is at-least-once, in two cases only: a node that died between the server's acceptance and the SENT
 * update at the end of its slice (the slice's rows are offered again after {@code sending-lease}), and a connection
 * that broke after the server took the data but before its reply arrived (see {@link MailChannel}). Both copies
 * carry the same Message-ID.
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
    // a node that died after claiming: its rows come back once their lease has run out
    jdbc.update("UPDATE dr_notification SET status = 'PENDING', claim_token = NULL "
        + "WHERE status = 'SENDING' AND next_attempt_at <= ?", Timestamp.from(passStart));
    int sent = 0;
    // one lane per sender thread, kept for the whole pass: its connection serves every batch the pass reads
    List<Map<Notification.Channel, NotificationChannel.Batch>> lanes = new ArrayList<>();
    for (int i = 0; i < Math.max(1, properties.getSender().getThreads()); i++) {
      lanes.add(new EnumMap<>(Notification.Channel.class));
    }
    try {
      while (true) {
        List<String> ids = batchQuery.queryForList("SELECT id FROM dr_notification "
            + "WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id", String.class,
            Timestamp.from(passStart));
        int claimed = 0;
        for (Outcome outcome : process(ids, passStart, lanes)) {
          claimed += outcome == Outcome.NOT_CLAIMED ? 0 : 1;
          sent += outcome == Outcome.SENT ? 1 : 0;
        }
        if (claimed == 0 || ids.size() < properties.getSender().getBatchSize()) {
          return sent;
        }
      }
    } finally {
      lanes.forEach(lane -> lane.values().forEach(NotificationChannel.Batch::close));
    }
  }

  private enum Outcome { NOT_CLAIMED, FAILED, SENT }

  /**
   * Splits the ids into one slice per worker (delivery is bound by network latency); each slice goes through one
   * {@link NotificationChannel.Batch} per channel, so one SMTP connection per slice.
   */
  private List<Outcome> process(List<String> ids, Instant passStart,
      List<Map<Notification.Channel, NotificationChannel.Batch>> lanes) {
    int slices = workers == null ? 1 : Math.min(properties.getSender().getThreads(), ids.size());
    if (slices <= 1) {
      return deliverSlice(ids, passStart, lanes.get(0));
    }
    int size = (ids.size() + slices - 1) / slices;
    List<Future<List<Outcome>>> futures = new ArrayList<>();
    int lane = 0;
    for (int from = 0; from < ids.size(); from += size) {
      List<String> slice = ids.subList(from, Math.min(ids.size(), from + size));
      // a lane is used by one task at a time: all of a batch's tasks end before the next batch is read
      Map<Notification.Channel, NotificationChannel.Batch> batches = lanes.get(lane++);
      futures.add(workers.submit(() -> deliverSlice(slice, passStart, batches)));
    }
    List<Outcome> outcomes = new ArrayList<>(ids.size());
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

  /**
   * Claims the slice in one statement, sends what it got, then marks the accepted rows SENT in one statement. A
   * failure is recorded at once, for that row alone.
   */
  private List<Outcome> deliverSlice(List<String> ids, Instant passStart,
      Map<Notification.Channel, NotificationChannel.Batch> batches) {
    String token = UUID.randomUUID().toString();
    List<Map<String, Object>> rows = claim(ids, token, passStart);
    List<Outcome> outcomes = new ArrayList<>(ids.size());
    for (int i = rows.size(); i < ids.size(); i++) {
      outcomes.add(Outcome.NOT_CLAIMED);
    }
    List<String> accepted = new ArrayList<>(rows.size());
    try {
      for (Map<String, Object> row : rows) {
        String id = (String) row.get("id");
        int attempts = ((Number) row.get("attempts")).intValue();
        if (deliver(row, id, attempts, token, batches)) {
          accepted.add(id);
          outcomes.add(Outcome.SENT);
        } else {
          outcomes.add(Outcome.FAILED);
        }
      }
    } finally {
      // also when a later row's failure could not be recorded: what the server accepted is SENT
      markSent(accepted, token);
    }
    return outcomes;
  }

  @PreDestroy
  void stopWorkers() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  /**
   * PENDING → SENDING for those of {@code ids} still pending and due, in one UPDATE that writes {@code token}; then
   * reads back, by id and token, the rows this call got. Of two claimers racing for a row the database lets one
   * update it (the other's {@code status = 'PENDING'} no longer holds once the first committed), so every row
   * belongs to one token. The lease (next_attempt_at) brings the rows back if this node dies before marking them.
   */
  List<Map<String, Object>> claim(List<String> ids, String token, Instant passStart) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
    Instant leaseEnd = clock.instant().plus(properties.getSender().getSendingLease());
    List<Object> args = new ArrayList<>(ids.size() + 3);
    args.add(token);
    args.add(Timestamp.from(leaseEnd));
    args.addAll(ids);
    args.add(Timestamp.from(passStart));
    int claimed = jdbc.update("UPDATE dr_notification SET status = 'SENDING', claim_token = ?, next_attempt_at = ? "
        + "WHERE id IN (" + in + ") AND status = 'PENDING' AND next_attempt_at <= ?", args.toArray());
    if (claimed == 0) {
      return List.of();
    }
    List<Object> select = new ArrayList<>(ids);
    select.add(token);
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT " + NotificationOutbox.COLUMNS
        + " FROM dr_notification WHERE id IN (" + in + ") AND claim_token = ? AND status = 'SENDING'",
        select.toArray());
    // in the order read (due first), as before
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      order.put(ids.get(i), i);
    }
    List<Map<String, Object>> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(row -> order.get((String) row.get("id"))));
    return sorted;
  }

  /** SENDING → SENT for the rows the server accepted, one statement for the slice. */
  private void markSent(List<String> ids, String token) {
    if (ids.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(ids.size() + 2);
    args.add(Timestamp.from(clock.instant()));
    args.addAll(ids);
    args.add(token);
    jdbc.update("UPDATE dr_notification SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id IN ("
        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") AND status = 'SENDING' "
        + "AND claim_token = ?", args.toArray());
  }

  private boolean deliver(Map<String, Object> row, String id, int attempts, String token,
      Map<Notification.Channel, NotificationChannel.Batch> batches) {
    try {
      Notification n = toNotification(row);
      NotificationChannel channel = channels.get(n.channel());
      if (channel == null) {
        throw new IllegalStateException("不支持的通知渠道：" + n.channel());
      }
      batches.computeIfAbsent(n.channel(), c -> channel.batch()).send(n);
    } catch (Exception e) {
      failed(id, attempts + 1, token, e);
      return false;
    }
    return true;
  }

  private void failed(String id, int attempts, String token, Exception e) {
    String error = NotificationOutbox.truncate(describe(e), 2000);
    int max = properties.getSender().getMaxAttempts();
    if (attempts >= max) {
      LOG.warn("通知 {} 第 {} 次发送失败，不再重试：{}", id, attempts, error);
      jdbc.update("UPDATE dr_notification SET status = 'FAILED', attempts = ?, last_error = ? "
          + "WHERE id = ? AND status = 'SENDING' AND claim_token = ?", attempts, error, id, token);
      return;
    }
    Duration backoff = properties.getSender().getBackoffBase().multipliedBy(1L << Math.min(attempts - 1, 20));
    LOG.info("通知 {} 第 {} 次发送失败，{} 后重试：{}", id, attempts, backoff, error);
    jdbc.update("UPDATE dr_notification SET status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ? "
        + "WHERE id = ? AND status = 'SENDING' AND claim_token = ?", attempts, error,
        Timestamp.from(clock.instant().plus(backoff)), id, token);
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
