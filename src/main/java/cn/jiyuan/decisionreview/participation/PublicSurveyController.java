package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.security.RequestBodyLimitFilter;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public questionnaire API (no login): {@code GET /public/api/surveys/{surveyId}} and
 * {@code POST /public/api/surveys/{surveyId}/responses}. The POST path is kept lean for bursts of answers: the
 * survey comes from a cache, the body is read and parsed here (bounded in size, depth and number length), and an
 * accepted sheet costs one duplicate lookup and one INSERT; no engine call, no session.
 */
@RestController
@RequestMapping(PublicSurveyController.BASE)
public class PublicSurveyController {

  static final String BASE = "/public/api/surveys";
  /** Must stay empty: a field people do not see, which form-filling robots fill in. */
  static final String HONEYPOT = "website";
  static final String ANSWERS = "answers";
  private static final Set<String> FIELDS = Set.of(ANSWERS, HONEYPOT);
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BeijingClock.ZONE);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
      .withZone(BeijingClock.ZONE);

  /**
   * A sheet is a flat object of questions: a few levels are all it needs; numbers longer than 20 digits cannot be a
   * scale point.
   */
  static final ObjectMapper PARSER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(20).build())
      .build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final PublicSurveys surveys;
  private final SubmissionLimits limits;
  private final AddressHashes hashes;
  private final ParticipationProperties properties;
  private final Clock clock;

  public PublicSurveyController(PublicSurveys surveys, SubmissionLimits limits, AddressHashes hashes,
      ParticipationProperties properties, Clock clock) {
    this.surveys = surveys;
    this.limits = limits;
    this.hashes = hashes;
    this.properties = properties;
    this.clock = clock;
  }

  /** One question as the contract has it. */
  public record Question(String id, String text, String type, boolean required, List<String> options,
      String dimension) {
  }

  /**
   * The contract's fields, then what the page needs besides: the scale's labels, the evaluation and why it is held,
   * the Art. 7 dimensions' names, the longest text answer and how long answers are kept.
   */
  public record View(String surveyId, String decisionNumber, String decisionTitle, String title, String opensAt,
      String closesAt, String status, List<Question> questions, List<SurveyScale.Point> scale, String closedAt,
      String evaluationType, String evaluationTypeName, String legalBasis, String evaluationReason,
      Map<String, String> dimensions, int maxTextLength, String retention) {
  }

  @GetMapping("/{surveyId}")
  public ResponseEntity<View> survey(@PathVariable String surveyId) {
    Survey survey = surveys.find(surveyId).orElseThrow(PublicSurveyController::unknown);
    EvaluationReasons.Reason reason = EvaluationReasons.of(survey.evaluationType());
    Map<String, String> dimensions = new LinkedHashMap<>();
    Arrays.stream(Dimension.values()).forEach(d -> dimensions.put(d.name(), d.label()));
    View view = new View(survey.surveyId(), survey.decisionNumber(), survey.decisionTitle(), survey.title(),
        DATE_TIME.format(survey.opensAt()), DATE_TIME.format(survey.closesAt()),
        survey.statusAt(clock.instant()).name(),
        survey.questions().stream().map(q -> new Question(q.id(), q.text(), q.type().name(), q.required(),
            q.options() == null ? List.of() : q.options(), q.dimension())).toList(),
        SurveyScale.POINTS, survey.closedAt() == null ? null : DATE_TIME.format(survey.closedAt()),
        reason.evaluationType(), reason.evaluationTypeName(), reason.legalBasis(), reason.reason(),
        Collections.unmodifiableMap(dimensions), SurveyAnswers.MAX_TEXT, PublicPages.periodText(properties.retention()));
    // the status changes with time and a close: a browser asks again each time, intermediaries keep nothing
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
  }

  @PostMapping("/{surveyId}/responses")
  public ResponseEntity<Map<String, String>> respond(@PathVariable String surveyId, HttpServletRequest request) {
    Survey survey = surveys.find(surveyId).orElseThrow(PublicSurveyController::unknown);
    requireJson(request.getContentType());
    JsonNode body = parse(read(request, properties.maxBodyBytes()));
    Instant now = clock.instant();
    refuseUnlessOpen(survey, now);
    String client = hashes.hash(ClientAddress.of(request.getRemoteAddr(), forwardedFor(request),
        properties.trustedProxies()));
    String scope = "survey:" + survey.surveyId();
    if (!limits.allow(scope, client)) {
      throw PublicRefusal.tooMany(limits.retryAfter(scope, client));
    }
    checkFields(body);
    Map<String, Object> answers;
    try {
      answers = SurveyAnswers.validate(survey.questions(), body.get(ANSWERS));
    } catch (SurveyAnswers.Invalid invalid) {
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, invalid.getMessage(), invalid.problems(), null);
    }
    String receipt = surveys.submit(survey, answers, client, now);
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
        .body(Map.of("receipt", receipt));
  }

  static PublicRefusal unknown() {
    return new PublicRefusal(HttpStatus.NOT_FOUND, "没有找到这份问卷：请核对网址是否完整。");
  }

  /** {@code application/json}, with no charset or UTF-8 (RFC 8259: JSON between systems is UTF-8). */
  static void requireJson(String contentType) {
    String refusal = "请以 application/json（UTF-8）提交。";
    if (contentType == null) {
      throw new PublicRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal);
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw new PublicRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal);
    }
    String charset = type.getParameter("charset");
    if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || charset != null
        && !Set.of("utf-8", "utf8", "\"utf-8\"").contains(charset.toLowerCase(Locale.ROOT))) {
      throw new PublicRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal);
    }
  }

  /**
   * The body, at most {@code max} bytes. The body-size filter answers a declared length above it before this; a
   * chunked body is counted here (and by that filter's counting stream).
   */
  static byte[] read(HttpServletRequest request, int max) {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw tooLarge(max);
      }
      return body;
    } catch (IOException e) {
      if (Boolean.TRUE.equals(request.getAttribute(RequestBodyLimitFilter.TOO_LARGE_ATTRIBUTE))) {
        throw tooLarge(max);
      }
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, "请求体未能完整接收，请重新提交。");
    }
  }

  static PublicRefusal tooLarge(int max) {
    return new PublicRefusal(HttpStatus.PAYLOAD_TOO_LARGE, tooLargeMessage(max));
  }

  public static String tooLargeMessage(long max) {
    return "提交的内容过大：一次最多 " + Math.max(1, max / 1024) + " KB。";
  }

  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, "请求体为空：请以 JSON 提交，如 {\"answers\": {\"q1\": 5}}。");
    }
    JsonNode root;
    try {
      root = PARSER.readTree(body);
    } catch (StreamConstraintsException e) {
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, "请求体的 JSON 层次过深或数字过长。");
    } catch (IOException e) {
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON（须为 UTF-8 编码，不能有重复的键）。");
    }
    if (root == null || !root.isObject()) {
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, "请求体须为 JSON 对象，如 {\"answers\": {\"q1\": 5}}。");
    }
    return root;
  }

  void refuseUnlessOpen(Survey survey, Instant now) {
    switch (survey.statusAt(now)) {
      case NOT_OPEN -> throw new PublicRefusal(HttpStatus.CONFLICT,
          "问卷尚未开始征集：将于 " + SHOWN.format(survey.opensAt()) + " 开始，" + SHOWN.format(survey.closesAt())
              + " 结束（北京时间）。");
      case CLOSED -> throw new PublicRefusal(HttpStatus.CONFLICT,
          "问卷已于 " + SHOWN.format(survey.endedAt()) + " 结束征集（北京时间），不再接受答卷。感谢您的关注。");
      case OPEN -> {
      }
    }
  }

  static void checkFields(JsonNode body) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new PublicRefusal(HttpStatus.BAD_REQUEST,
            "请求中有不认识的字段“" + SurveyAnswers.showable(name) + "”：只接受 answers。");
      }
    }
    JsonNode trap = body.get(HONEYPOT);
    if (trap != null && !trap.isNull() && !(trap.isTextual() && trap.textValue().isEmpty())) {
      throw new PublicRefusal(HttpStatus.BAD_REQUEST, "提交未被接受：页面中隐藏的“网址”一栏须留空。");
    }
  }

  /** Every X-Forwarded-For header, joined in order, as a proxy chain would have them. */
  static String forwardedFor(HttpServletRequest request) {
    java.util.Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
    if (headers == null || !headers.hasMoreElements()) {
      return null;
    }
    String first = headers.nextElement();
    if (!headers.hasMoreElements()) {
      return first;
    }
    StringBuilder joined = new StringBuilder(first);
    while (headers.hasMoreElements()) {
      joined.append(',').append(headers.nextElement());
    }
    return joined.toString();
  }
}
