package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.tracking.TrackedDecisions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Opinion intake (Art. 8(3), 12, 23): a citizen's opinion on a decision under tracking, checked, limited per
 * address and stored with only the address's keyed hash; then the Art. 8(3) count is looked at. A refusal
 * ({@link PublicRefusal}) is thrown before anything is stored.
 */
@Service
public class OpinionIntake {

  public static final int MAX_TEXT = 2_000;
  public static final int MAX_CONTACT = 100;
  /** An empty field the page hides from people; a bot filling every field fills it too. */
  public static final String HONEYPOT = "website";
  /** A resident identity card number (GB 11643): Art. 23 asks for none, so it is refused rather than stored. */
  private static final Pattern ID_NUMBER = Pattern.compile(".*(?<!\\d)\\d{17}[\\dXx](?![\\dXx]).*", Pattern.DOTALL);

  private final TrackedDecisions decisions;
  private final OpinionStore store;
  private final OpinionTrigger trigger;
  private final SubmissionLimits limits;
  private final AddressHashes hashes;
  private final BeijingClock clock;
  private final ParticipationProperties properties;

  public OpinionIntake(TrackedDecisions decisions, OpinionStore store, OpinionTrigger trigger, SubmissionLimits limits,
      AddressHashes hashes, BeijingClock clock, ParticipationProperties properties) {
    this.properties = properties;
    this.decisions = decisions;
    this.store = store;
    this.trigger = trigger;
    this.limits = limits;
    this.hashes = hashes;
    this.clock = clock;
  }

  /** The fields of one submission, as checked. */
  record Submission(OpinionCategory category, String text, String contact) {
  }

  /**
   * Stores the opinion and returns its receipt.
   *
   * @param number the decision number from the URL, in any spelling
   * @param body the parsed JSON body
   * @param clientAddress the client's address as {@link ClientAddress} found it
   */
  public String submit(String number, JsonNode body, String clientAddress) {
    Submission submission = check(body);
    String canonical = Optional.ofNullable(DecisionNumber.normalise(number)).orElse("");
    String clientHash = hashes.hash(clientAddress);
    if (!limits.allow("opinions:" + canonical, clientHash)) {
      throw PublicRefusal.tooMany(retryAfterSeconds());
    }
    TrackedDecisions.Row decision = decisions.find(number).filter(TrackedDecisions.Row::running)
        .orElseThrow(() -> PublicRefusal.notFound("未找到"
            + DecisionNumber.tryParse(number).map(n -> "文号为“" + n + "”").orElse("该文号")
            + "的正在跟踪的重大行政决策，请核对决策文号。"));
    Instant now = clock.instant();
    String receipt = Receipts.next(now);
    store.add(new PublicOpinion(receipt, decision.decisionNumber(), submission.category(), submission.text(),
        submission.contact(), now), clientHash);
    trigger.opinionAdded(decision.decisionNumber());
    return receipt;
  }

  static Submission check(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw PublicRefusal.invalid(null, "提交的内容应为 JSON 对象，包含 category、text 和可选的 contact。");
    }
    JsonNode honeypot = body.get(HONEYPOT);
    if (honeypot != null && !honeypot.isNull() && !(honeypot.isTextual() && honeypot.asText().isEmpty())) {
      throw PublicRefusal.invalid(HONEYPOT, "提交未被接受，请通过意见页面提交。");
    }
    JsonNode category = body.get("category");
    OpinionCategory c = category != null && category.isTextual() ? OpinionCategory.of(category.asText()).orElse(null)
        : null;
    if (c == null) {
      throw PublicRefusal.invalid("category", "请选择意见类别（category）：实施情况、实施效果、存在问题或意见建议。");
    }
    JsonNode textNode = body.get("text");
    String text = textNode != null && textNode.isTextual() ? textNode.asText() : null;
    if (text == null || text.isBlank()) {
      throw PublicRefusal.invalid("text", "请填写意见内容（text）。");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw PublicRefusal.invalid("text", "意见内容（text）不能超过 " + MAX_TEXT + " 字。");
    }
    // Line breaks and tabs belong to a written opinion; other invisible characters do not.
    if (FormValues.hasControlCharacters(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
      throw PublicRefusal.invalid("text", "意见内容（text）不能包含控制字符或不可见字符。");
    }
    JsonNode contactNode = body.get("contact");
    String contact = null;
    if (contactNode != null && !contactNode.isNull()) {
      if (!contactNode.isTextual()) {
        throw PublicRefusal.invalid("contact", "联系方式（contact）应为文字。");
      }
      contact = contactNode.asText().strip();
      if (contact.isEmpty()) {
        contact = null;
      } else if (contact.codePointCount(0, contact.length()) > MAX_CONTACT) {
        throw PublicRefusal.invalid("contact", "联系方式（contact）不能超过 " + MAX_CONTACT + " 字。");
      } else if (FormValues.hasControlCharacters(contact)) {
        throw PublicRefusal.invalid("contact", "联系方式（contact）不能包含控制字符或不可见字符。");
      } else if (ID_NUMBER.matcher(contact).matches()) {
        throw PublicRefusal.invalid("contact", "联系方式（contact）请填写电话或电子邮箱，不要填写身份证号码（第二十三条）。");
      }
    }
    return new Submission(c, text, contact);
  }

  /** The burst window: after it a citizen who was merely quick may send again. */
  private long retryAfterSeconds() {
    return Math.max(1, properties.rateLimit().burstWindow().toSeconds());
  }
}
