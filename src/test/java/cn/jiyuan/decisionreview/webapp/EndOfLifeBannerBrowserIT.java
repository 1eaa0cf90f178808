package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda 7 CE end-of-life banner concerns whoever runs the system: an administrator sees it, in Chinese, with a
 * link to what this deployment does about it; a civil servant does not see it at all.
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class EndOfLifeBannerBrowserIT {

  @LocalServerPort int port;

  @Test
  void onlyAdministratorsSeeTheBannerAndItLeadsToTheSecurityNotes() throws Exception {
    String base = "http://localhost:" + port;
    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base, "tasklist", "sifa", "demo");
      browser.waitForText("我的待办");
      Thread.sleep(1500); // the administrator check is one request after the header renders
      assertThat(visibleBanners(browser)).as("staff see no banner").isEmpty();
      browser.screenshot("eol-banner-sifa");
    }
    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base, "tasklist", "demo", "demo");
      browser.waitForText("我的待办");
      new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
          .until(d -> !visibleBanners(browser).isEmpty());
      WebElement banner = visibleBanners(browser).get(0);
      assertThat(banner.getText()).contains("社区版", "安全说明").doesNotContain("Camunda 8");
      browser.screenshot("eol-banner-admin");
      banner.findElement(By.linkText("安全说明")).click();
      for (String window : browser.driver().getWindowHandles()) {
        browser.driver().switchTo().window(window);
      }
      browser.waitForText("Camunda 7 社区版停止维护对本系统意味着什么");
      assertThat(browser.bodyText()).contains("CVE-2026-77226", "CVE-2026-109432", "README");
      browser.screenshot("eol-security-notes");
    }
  }

  private static List<WebElement> visibleBanners(Browser browser) {
    return browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)
        .toList();
  }
}
