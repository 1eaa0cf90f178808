package cn.jiyuan.decisionreview.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk claim (one UPDATE per slice with a claim token, then the rows read back by id and token): claimers racing
 * for the same rows get disjoint sets that together are all of them; two nodes with four sender threads each send
 * every row exactly once; rows a node claimed before it died are sent by another once their lease has run out.
 */
class NotificationClaimIT extends NotificationITSupport {

  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired NotificationOutbox outbox;
  @Autowired NotificationSender sender;
  @Autowired NotificationProperties properties;
  @Autowired List<NotificationChannel> channels;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void emptyOutbox() throws Exception {
    jdbc.update("DELETE FROM dr_notification");
    GREEN_MAIL.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fourClaimersRacingForTheSameRowsGetDisjointSetsThatTogetherAreAllOfThem() throws Exception {
    List<String> ids = enqueue("race", 200);
    int claimers = 4;
    CyclicBarrier start = new CyclicBarrier(claimers);
    List<CompletableFuture<Set<String>>> claims = new ArrayList<>();
    for (int c = 0; c < claimers; c++) {
      String token = "token-" + c;
      claims.add(CompletableFuture.supplyAsync(() -> {
        await(start);
        return sender.claim(ids, token, clock.instant()).stream().map(row -> (String) row.get("id"))
            .collect(Collectors.toSet());
      }));
    }
    List<Set<String>> got = new ArrayList<>();
    for (CompletableFuture<Set<String>> claim : claims) {
      got.add(claim.get(60, TimeUnit.SECONDS));
    }

    Set<String> union = new HashSet<>();
    int total = 0;
    for (int c = 0; c < claimers; c++) {
      union.addAll(got.get(c));
      total += got.get(c).size();
      for (String id : got.get(c)) {
        assertThat(jdbc.queryForObject("SELECT claim_token FROM dr_notification WHERE id = ?", String.class, id))
            .as("the row carries the token of the one claimer that got it").isEqualTo("token-" + c);
      }
    }
    assertThat(total).as("no row claimed twice").isEqualTo(ids.size());
    assertThat(union).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(sender.claim(ids, "late", clock.instant())).as("nothing left to claim").isEmpty();
  }

  @Test
  void twoNodesWithFourThreadsEachSendEveryRowExactlyOnce() throws Exception {
    List<String> ids = enqueue("nodes", 600);
    NotificationSender otherNode = new NotificationSender(jdbc, properties, channels, clock);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(sender, start));
      CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(otherNode, start));
      int sent = a.get(120, TimeUnit.SECONDS) + b.get(120, TimeUnit.SECONDS);

      assertThat(sent).isEqualTo(ids.size());
      assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, ids.size())).isTrue();
      Map<String, Long> copies = copiesById();
      assertThat(copies.keySet()).as("0 lost").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(copies.values()).as("0 sent twice").containsOnly(1L);
      assertThat(statuses("nodes")).containsOnly("SENT");
    } finally {
      otherNode.stopWorkers();
    }
  }

  @Test
  void rowsClaimedByANodeThatDiedAreSentByAnotherOnceTheirLeaseHasRunOut() throws Exception {
    List<String> ids = enqueue("dead", 10);
    // the dead node claimed them and never sent or marked them
    assertThat(sender.claim(ids, "dead-node", clock.instant())).hasSize(10);

    assertThat(sender.sendDue()).as("within the lease nobody else sends them").isZero();
    assertThat(statuses("dead")).containsOnly("SENDING");

    ClockUtil.setCurrentTime(Date.from(T0.plus(properties.getSender().getSendingLease()).plusSeconds(1)));
    assertThat(sender.sendDue()).isEqualTo(10);

    assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 10)).isTrue();
    assertThat(copiesById()).containsOnlyKeys(ids).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1L));
    assertThat(statuses("dead")).containsOnly("SENT");
    assertThat(jdbc.queryForList("SELECT DISTINCT claim_token FROM dr_notification WHERE task_id LIKE 'dead-%'",
        String.class)).doesNotContain("dead-node");
  }

  private static int drain(NotificationSender which, CyclicBarrier start) {
    await(start);
    int sent = 0;
    for (int pass = which.sendDue(); pass > 0; pass = which.sendDue()) {
      sent += pass;
    }
    return sent;
  }

  private List<String> enqueue(String prefix, int n) {
    List<Notification> mails = IntStream.range(0, n).mapToObj(i -> Notification.of(Kind.TASK_AVAILABLE,
        prefix + "-" + i, "pi-" + prefix + "-" + i, "济政〔2023〕12号", Channel.MAIL, "user" + (i % 20) + "@jiyuan.gov.cn",
        "【测试】" + prefix + " " + i, "测试正文 " + i)).toList();
    mails.forEach(outbox::enqueue);
    return mails.stream().map(Notification::id).toList();
  }

  private List<String> statuses(String prefix) {
    return jdbc.queryForList("SELECT status FROM dr_notification WHERE task_id LIKE ?", String.class, prefix + "-%");
  }

  /** Received mails per outbox row id, which each carries in its Message-ID ({@code <id.decision-review@…>}). */
  private static Map<String, Long> copiesById() {
    return Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(NotificationClaimIT::rowId)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String rowId(MimeMessage mail) {
    try {
      String header = mail.getMessageID();
      return header.substring(1, header.indexOf(".decision-review@"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
