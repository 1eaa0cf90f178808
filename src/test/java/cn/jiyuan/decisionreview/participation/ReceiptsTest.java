package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

  @Test
  void aReceiptIsTheBeijingDayAndTenUnambiguousCharacters() {
    // 2026-12-01 17:00 UTC is already 2 December in Beijing
    String receipt = Receipts.next(Instant.parse("2026-12-01T17:00:00Z"));
    assertThat(receipt).matches("20261202-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
    assertThat(Receipts.next(Instant.parse("2026-12-01T15:59:59Z"))).startsWith("20261201-");
  }

  @Test
  void receiptsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    Instant now = Instant.now();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(Receipts.next(now))).isTrue();
    }
  }

  @Test
  void surveyIdsAreUnguessableAndUrlSafe() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = Receipts.surveyId();
      assertThat(id).matches("[A-Za-z0-9_-]{22}");
      assertThat(seen.add(id)).isTrue();
    }
  }
}
