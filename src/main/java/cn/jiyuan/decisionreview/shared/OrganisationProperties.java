package cn.jiyuan.decisionreview.shared;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * {@code decision-review.authority-name}, {@code .public-base-url} and {@code .measures.*}: who decides, where the
 * application is reached from outside, and which Measures it carries out. Shared because reports (evaluation),
 * notifications and the Art. 27 reminder (tracking) all print them; the admin account and the identity seed bind
 * under the same prefix in {@code identity}.
 *
 * @param authorityName the decision organ's name in texts and reports; configuration, since Jiyuan's organ changed
 *     in 2024
 * @param publicBaseUrl base of the links that leave the application (mail, webhooks)
 * @param measures the rules the system carries out (Art. 27)
 */
@ConfigurationProperties(prefix = "decision-review")
public record OrganisationProperties(@DefaultValue("济源市人民政府") String authorityName,
    @DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue Measures measures) {

  /** The Measures' name, number and expiry are configuration (Art. 27): a revision must not need a release. */
  public record Measures(@DefaultValue("《济源市重大行政决策实施情况跟踪反馈与后评估办法》") String name,
      @DefaultValue("济政办〔2022〕4号") String documentNumber,
      @DefaultValue("2027-12-31") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expires) {

    /** E.g. 《…办法》（济政办〔2022〕4号，有效期至2027年12月31日）, printed on every report. */
    public String versionText() {
      return name + "（" + documentNumber + "，有效期至" + expires.getYear() + "年" + expires.getMonthValue() + "月"
          + expires.getDayOfMonth() + "日）";
    }
  }
}
