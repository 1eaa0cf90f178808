package cn.jiyuan.decisionreview.participation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public site's three pages (no login). Each is a fixed HTML file: the id or number in the address is read by
 * the page's script and shown with {@code textContent}, so the server never writes anything a visitor sent into
 * HTML. The only thing filled in is configuration (how long answers are kept). The policy allows the site's own
 * scripts and styles and nothing else: no inline script, no other origin.
 */
@RestController
public class PublicPages {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  private final String survey;
  private final String opinions;
  private final String evaluations;

  public PublicPages(ParticipationProperties properties) {
    String retention = periodText(properties.retention());
    this.survey = page("survey.html", retention);
    this.opinions = page("opinions.html", retention);
    this.evaluations = page("evaluations.html", retention);
  }

  @GetMapping("/public/surveys/{surveyId}")
  public ResponseEntity<String> survey(@PathVariable String surveyId) {
    return html(survey);
  }

  @GetMapping("/public/decisions/{decisionNumber}/opinions")
  public ResponseEntity<String> opinions(@PathVariable String decisionNumber) {
    return html(opinions);
  }

  @GetMapping({"/public/evaluations", "/public/evaluations/"})
  public ResponseEntity<String> evaluations() {
    return html(evaluations);
  }

  private static ResponseEntity<String> html(String page) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache()).header("Content-Security-Policy", CONTENT_SECURITY_POLICY).body(page);
  }

  private static String page(String name, String retention) {
    try (InputStream in = new ClassPathResource("public-pages/" + name).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{retention}}", retention);
    } catch (IOException e) {
      throw new UncheckedIOException("公众页面 " + name + " 缺失", e);
    }
  }

  /** {@code P2Y} → {@code 2 年}, {@code P1Y6M} → {@code 1 年 6 个月}, {@code P90D} → {@code 90 天}. */
  static String periodText(Period period) {
    StringBuilder text = new StringBuilder();
    if (period.getYears() != 0) {
      text.append(period.getYears()).append(" 年");
    }
    if (period.getMonths() != 0) {
      text.append(text.isEmpty() ? "" : " ").append(period.getMonths()).append(" 个月");
    }
    if (period.getDays() != 0 || text.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(period.getDays()).append(" 天");
    }
    return text.toString();
  }
}
