package cn.jiyuan.decisionreview.participation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The public side of {@link SurveyStore}: surveys read through a short-lived cache, so that a burst of answers costs
 * one read of the survey per second instead of one per answer, and a close (by the process or by staff) is seen
 * within {@link #SURVEY_TTL}; and answer sheets stored once per address and content.
 */
@Service
public class PublicSurveys {

  /** How long a survey row (or its absence) is believed without reading it again. */
  static final Duration SURVEY_TTL = Duration.ofSeconds(1);
  /** Survey ids are made by {@link Receipts#surveyId()}; anything else is not looked up at all. */
  private static final Pattern SURVEY_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  /** Stripes that serialise the duplicate check and the insert of the same sheet from the same address. */
  private static final int STRIPES = 256;

  private final SurveyStore store;
  private final LoadingCache<String, Optional<Survey>> surveys;
  /** Receipts of sheets stored lately by this node: a repeated click is answered without the database. */
  private final Cache<String, String> recent;
  private final Object[] stripes = new Object[STRIPES];

  public PublicSurveys(SurveyStore store) {
    this.store = store;
    this.surveys = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(SURVEY_TTL).build(store::find);
    this.recent = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  public Optional<Survey> find(String surveyId) {
    if (surveyId == null || !SURVEY_ID.matcher(surveyId).matches()) {
      return Optional.empty();
    }
    return surveys.get(surveyId);
  }

  /**
   * Stores the validated answers and returns the receipt; when the same answers came from the same address before,
   * nothing is stored and the first receipt is returned.
   */
  public String submit(Survey survey, Map<String, Object> answers, String clientHash, Instant now) {
    String answersHash = answersHash(answers);
    String key = survey.surveyId() + '|' + clientHash + '|' + answersHash;
    String known = recent.getIfPresent(key);
    if (known != null) {
      return known;
    }
    synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
      Optional<String> same = store.receiptOfSame(survey.surveyId(), clientHash, answersHash);
      String receipt = same.orElseGet(() -> insert(survey, answers, answersHash, clientHash, now));
      recent.put(key, receipt);
      return receipt;
    }
  }

  private String insert(Survey survey, Map<String, Object> answers, String answersHash, String clientHash,
      Instant now) {
    for (int attempt = 0;; attempt++) {
      String receipt = Receipts.next(now);
      try {
        store.addResponse(new SurveyResponse(receipt, survey.surveyId(), answers, now), answersHash, clientHash);
        return receipt;
      } catch (DuplicateKeyException sameReceipt) {
        // 31^10 receipts a day: a clash is all but impossible, and a fresh draw settles it
        if (attempt >= 2) {
          throw sameReceipt;
        }
      }
    }
  }

  /** SHA-256 of the answers in a canonical form (questions sorted), which is what "the same answers" means. */
  static String answersHash(Map<String, Object> answers) {
    try {
      byte[] canonical = SurveyStore.write(new TreeMap<>(answers)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
