package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AddressHashesTest {

  /** The engine's clock as an operator or a test may have set it: not the wall clock. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);

  @Test
  void anAddressHashesAlikeEveryTimeAndDifferentAddressesDiffer() {
    AddressHashes hashes = new AddressHashes(ParticipationDatabase.fresh(), CLOCK);
    String one = hashes.hash("203.0.113.7");
    assertThat(one).matches("[0-9a-f]{64}").isEqualTo(hashes.hash("203.0.113.7")).isNotEqualTo(hashes.hash("203.0.113.8"));
    assertThat(hashes.hash(null)).isEqualTo(hashes.hash(""));
  }

  @Test
  void theSaltIsMadeOnceAndSharedByEveryNodeOfTheDatabase() {
    JdbcTemplate jdbc = ParticipationDatabase.fresh();
    AddressHashes first = new AddressHashes(jdbc, CLOCK);
    String hash = first.hash("198.51.100.1");
    // another node (or a restart) reads the same salt
    assertThat(new AddressHashes(jdbc, CLOCK).hash("198.51.100.1")).isEqualTo(hash);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_secret WHERE name = ?", Integer.class,
        AddressHashes.SALT_NAME)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT created_at FROM dr_secret", Timestamp.class).toInstant())
        .isEqualTo(CLOCK.instant());
    // the address itself is not what is kept
    assertThat(jdbc.queryForObject("SELECT secret FROM dr_secret", String.class)).doesNotContain("198.51.100.1");
  }

  @Test
  void anotherDatabaseHasAnotherSaltSoHashesCannotBeMatchedAcrossInstallations() {
    String here = new AddressHashes(ParticipationDatabase.fresh(), CLOCK).hash("192.0.2.1");
    String there = new AddressHashes(ParticipationDatabase.fresh(), CLOCK).hash("192.0.2.1");
    assertThat(here).isNotEqualTo(there);
  }

  @Test
  void aNodeThatLosesTheRaceToCreateTheSaltUsesTheWinners() {
    JdbcTemplate jdbc = ParticipationDatabase.fresh();
    AddressHashes late = new AddressHashes(jdbc, CLOCK) {
      private boolean raced;

      @Override
      public String hash(String address) {
        if (!raced) {
          raced = true;
          // the other node inserts between this node's read (nothing) and its insert
          jdbc.update("INSERT INTO dr_secret (name, secret, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
              AddressHashes.SALT_NAME, java.util.Base64.getEncoder().encodeToString(new byte[32]));
        }
        return super.hash(address);
      }
    };
    String hash = late.hash("192.0.2.9");
    assertThat(new AddressHashes(jdbc, CLOCK).hash("192.0.2.9")).isEqualTo(hash);
  }
}
