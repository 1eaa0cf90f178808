package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.CarriesOut;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /public/api/decisions/{decisionNumber}/opinions} (contract, no login). The body is read here, not by
 * Spring's converters, so that a wrong content type, a body past the limit and broken JSON are refusals of this
 * endpoint (415, 413, 400) rather than exceptions for the project's catch-all handler.
 */
@RestController
@CarriesOut({"第六条", "条例第三十五条"})
public class OpinionController {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final OpinionIntake intake;
  private final ParticipationProperties properties;

  public OpinionController(OpinionIntake intake, ParticipationProperties properties) {
    this.intake = intake;
    this.properties = properties;
  }

  @PostMapping("/public/api/decisions/{decisionNumber}/opinions")
  public ResponseEntity<Map<String, String>> submit(@PathVariable String decisionNumber, HttpServletRequest request)
      throws IOException {
    requireJson(request.getContentType());
    JsonNode body = parse(read(request));
    String address = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
        properties.trustedProxies());
    String receipt = intake.submit(decisionNumber, body, address);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("receipt", receipt));
  }

  static void requireJson(String contentType) {
    if (contentType == null) {
      throw PublicRefusal.unsupportedMediaType();
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      if (!type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
        throw PublicRefusal.unsupportedMediaType();
      }
    } catch (InvalidMediaTypeException e) {
      throw PublicRefusal.unsupportedMediaType();
    }
  }

  private byte[] read(HttpServletRequest request) throws IOException {
    int max = properties.maxBodyBytes();
    if (request.getContentLengthLong() > max) {
      throw PublicRefusal.tooLarge(max);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw PublicRefusal.tooLarge(max);
      }
      return bytes;
    }
  }

  static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      throw PublicRefusal.invalid(null, "请求内容为空，请提交 JSON 对象。");
    }
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw PublicRefusal.invalid(null, "请求内容不是有效的 JSON。");
    } catch (IOException e) {
      throw PublicRefusal.invalid(null, "请求内容无法读取。");
    }
  }
}
