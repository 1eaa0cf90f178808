package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a trusted reverse proxy (here: the loopback address), each client named by X-Forwarded-For has its own
 * limit; what a client writes itself on the left of the header does not make it another client. A small burst
 * limit (2 per minute) shows the 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "decision-review.participation.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
    "decision-review.participation.rate-limit.burst=2",
    "decision-review.participation.rate-limit.burst-window=PT1M"})
@ActiveProfiles({"demo", "it"})
class PublicLimitsIT {

  @LocalServerPort int port;
  @Autowired SurveyStore store;
  @Autowired Clock clock;

  private int sheet;

  int post(Survey survey, String forwardedFor) {
    Http http = Http.anonymous(port);
    HttpRequest.Builder request = http.request("/public/api/surveys/" + survey.surveyId() + "/responses")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"q1\": 3, \"q2\": \"政府网站\", \"q4\": \"第"
            + (++sheet) + "份\"}}"));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(request).status();
  }

  @Test
  void eachClientBehindTheProxyHasItsOwnLimit() {
    Survey survey = ParticipationDatabase.survey(clock.instant(), Duration.ofDays(7));
    store.create(survey);
    assertThat(post(survey, "198.51.100.1")).isEqualTo(201);
    assertThat(post(survey, "198.51.100.1")).isEqualTo(201);
    assertThat(post(survey, "198.51.100.1")).isEqualTo(429);
    // the client wrote an address of its own before the one the proxy saw: still the same client
    assertThat(post(survey, "203.0.113.99, 198.51.100.1")).isEqualTo(429);
    assertThat(post(survey, "198.51.100.2")).isEqualTo(201);
    // without the header the proxy's own address counts
    assertThat(post(survey, null)).isEqualTo(201);
    assertThat(store.responseCount(survey.surveyId())).isEqualTo(4);
  }
}
