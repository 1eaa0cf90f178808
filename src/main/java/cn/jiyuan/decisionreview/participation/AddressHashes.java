package cn.jiyuan.decisionreview.participation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Art. 23: a client address is kept only as a keyed hash (HMAC-SHA256), enough to limit and recognise repeated
 * submissions, not to find the person. The key is random, made once and kept in {@code dr_secret}, so that every
 * node and every restart hash alike, and an exported table alone cannot be reversed by hashing all addresses.
 */
@Component
public class AddressHashes {

  static final String SALT_NAME = "participation.address-salt";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile SecretKeySpec key;

  public AddressHashes(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public String hash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      return HexFormat.of().formatHex(mac.doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 不可用", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(Base64.getDecoder().decode(loadOrCreateSalt()), "HmacSHA256");
        }
        current = key;
      }
    }
    return current;
  }

  private String loadOrCreateSalt() {
    String stored = stored();
    if (stored != null) {
      return stored;
    }
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    try {
      jdbc.update("INSERT INTO dr_secret (name, secret, created_at) VALUES (?, ?, ?)", SALT_NAME,
          Base64.getEncoder().encodeToString(salt), Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException otherNodeWasFirst) {
      // another node made it a moment ago: use theirs
    }
    return stored();
  }

  private String stored() {
    return jdbc.queryForList("SELECT secret FROM dr_secret WHERE name = ?", String.class, SALT_NAME).stream()
        .findFirst().orElse(null);
  }
}
