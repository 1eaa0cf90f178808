package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Receipt numbers for citizens, e.g. {@code 20261201-7KQ3M9XD2P}: the day in Beijing time, to read it out on the
 * phone, and 10 random characters from an alphabet without 0/O and 1/I/L, so that a receipt cannot be guessed
 * and is copied without mistakes.
 */
public final class Receipts {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(BeijingClock.ZONE);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Receipts() {
  }

  public static String next(Instant now) {
    StringBuilder receipt = new StringBuilder(DAY.format(now)).append('-');
    for (int i = 0; i < 10; i++) {
      receipt.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return receipt.toString();
  }

  /** An unguessable URL-safe id of 22 characters (128 bits), for {@code surveyId}. */
  public static String surveyId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
