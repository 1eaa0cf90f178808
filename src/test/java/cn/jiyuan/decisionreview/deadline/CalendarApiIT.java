package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The calendar endpoints and its health component, through HTTP as the demo users. */
@IntegrationTest
class CalendarApiIT {

  @LocalServerPort int port;

  private Http sifa() {
    return Http.basic(port, "sifa", "demo");
  }

  @Test
  void addWorkingDays() {
    Http.Response response = sifa().get("/api/calendar/add-working-days?from=2026-02-13&days=2");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("date").asText()).isEqualTo("2026-02-24");
    assertThat(response.json().get("provisional").asBoolean()).isFalse();

    JsonNode intoNextYear = sifa().get("/api/calendar/add-working-days?from=2026-12-30&days=3").json();
    assertThat(intoNextYear.get("date").asText()).isEqualTo("2027-01-04");
    assertThat(intoNextYear.get("provisional").asBoolean()).isTrue();

    assertThat(sifa().get("/api/calendar/add-working-days?from=2026-02-13&days=0").json().get("date").asText())
        .isEqualTo("2026-02-13");
  }

  @Test
  void workingDay() {
    JsonNode saturday = sifa().get("/api/calendar/working-day?date=2026-02-14").json();
    assertThat(saturday.get("date").asText()).isEqualTo("2026-02-14");
    assertThat(saturday.get("workingDay").asBoolean()).isTrue();
    assertThat(saturday.get("provisional").asBoolean()).isFalse();

    JsonNode nationalDay = sifa().get("/api/calendar/working-day?date=2026-10-01").json();
    assertThat(nationalDay.get("workingDay").asBoolean()).isFalse();

    JsonNode next = sifa().get("/api/calendar/working-day?date=2027-01-01").json();
    assertThat(next.get("workingDay").asBoolean()).isTrue();
    assertThat(next.get("provisional").asBoolean()).isTrue();
  }

  @Test
  void anonymousIsRefused() {
    Http.Response response = Http.anonymous(port).get("/api/calendar/working-day?date=2026-02-14");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("message").asText()).contains("登录");
  }

  @Test
  void badParametersAre400WithAChineseMessage() {
    assertBad("/api/calendar/add-working-days?days=2", "from");
    assertBad("/api/calendar/add-working-days?from=2026-02-13", "days");
    assertBad("/api/calendar/add-working-days?from=2026-2-13&days=2", "YYYY-MM-DD");
    assertBad("/api/calendar/add-working-days?from=2026-02-30&days=2", "YYYY-MM-DD");
    assertBad("/api/calendar/add-working-days?from=2026-02-13&days=-1", "0 至 3650");
    assertBad("/api/calendar/add-working-days?from=2026-02-13&days=3651", "0 至 3650");
    assertBad("/api/calendar/add-working-days?from=2026-02-13&days=abc", "0 至 3650");
    assertBad("/api/calendar/working-day", "date");
    assertBad("/api/calendar/working-day?date=tomorrow", "YYYY-MM-DD");
    assertBad("/api/calendar/working-day?date=9999-01-01", "2199");
    assertThat(sifa().get("/api/calendar/add-working-days?from=2026-02-13&days=3650").status()).isEqualTo(200);
  }

  private void assertBad(String path, String messagePart) {
    Http.Response response = sifa().get(path);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
    JsonNode json = response.json();
    assertThat(json.get("status").asInt()).isEqualTo(400);
    assertThat(json.get("error").asText()).isNotBlank();
    assertThat(json.get("message").asText()).contains(messagePart).containsPattern("[\\u4e00-\\u9fa5]");
  }

  @Test
  void healthShowsNextYearAsProvisional() {
    Http.Response response = Http.basic(port, "demo", "demo").get("/actuator/health");
    JsonNode component = response.json().path("components").path("workingDayCalendar");
    assertThat(component.path("status").asText()).as(response.body()).isEqualTo("UP");
    JsonNode details = component.path("details");
    List<Integer> years = new ArrayList<>();
    details.path("years").forEach(y -> years.add(y.asInt()));
    assertThat(years).contains(2024, 2025, 2026);
    List<Integer> provisional = new ArrayList<>();
    details.path("provisionalYears").forEach(y -> provisional.add(y.asInt()));
    assertThat(provisional).contains(2027);
    assertThat(details.path("sources").path("2026").asText()).contains("content_7047091");
    assertThat(details.path("warning").asText()).contains("2027 年").contains("周一至周五");
  }
}
