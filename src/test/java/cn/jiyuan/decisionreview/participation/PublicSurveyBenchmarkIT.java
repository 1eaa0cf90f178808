package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Throughput of {@code POST /public/api/surveys/{id}/responses} on loopback ({@code ./mvnw -Pbench verify
 * -Dit.test=PublicSurveyBenchmarkIT}): {@value #CLIENTS} clients, each sending its next sheet as soon as the last is
 * answered, {@value #WARM_UP_SECONDS} s warm-up, then {@value #MEASURE_SECONDS} s measured; beside it, as a baseline
 * of the same stack without a write, {@code GET /public/api/surveys/{id}}. The rate limit is raised for the run.
 * The database is a file H2 with {@code WRITE_DELAY=0}, as the application runs by default (every accepted sheet is
 * on disk before its 201), or PostgreSQL when SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) name one. Printed,
 * not asserted; asserted is only that every 201 was stored exactly once.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/bench/dr-${random.uuid};"
        + "LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}",
    "decision-review.participation.rate-limit.submissions=1000000000",
    "decision-review.participation.rate-limit.burst=1000000000",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"demo", "it"})
class PublicSurveyBenchmarkIT {

  static final int CLIENTS = Integer.getInteger("bench.clients", 32);
  static final int WARM_UP_SECONDS = 3;
  static final int MEASURE_SECONDS = Integer.getInteger("bench.seconds", 10);

  @LocalServerPort int port;
  @Autowired SurveyStore store;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  record Run(long requests, long ok, double perSecond, double p50, double p99, long accepted) {
  }

  @Test
  void answerSheetsPerSecond() throws Exception {
    Survey survey = ParticipationDatabase.survey(clock.instant(), Duration.ofDays(7));
    store.create(survey);
    String base = "http://127.0.0.1:" + port + "/public/api/surveys/" + survey.surveyId();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong sequence = new AtomicLong();

    Run baseline = load(client, i -> HttpRequest.newBuilder(URI.create(base)).GET().build(), 200);
    Run posts = load(client, i -> HttpRequest.newBuilder(URI.create(base + "/responses"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"q1\": " + (i % 6) + ", \"q2\": \"新闻媒体\", "
            + "\"q3\": [\"宣传\"], \"q4\": \"基准测试答卷 " + sequence.incrementAndGet() + "\"}}"))
        .build(), 201);

    int stored = store.responseCount(survey.surveyId());
    String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    System.out.printf("Benchmark: POST /public/api/surveys/{id}/responses on %s: %.0f responses/s, p50 %.1f ms,"
        + " p99 %.1f ms (%d clients, %d s, %d cores)%n", database, posts.perSecond(), posts.p50(), posts.p99(),
        CLIENTS, MEASURE_SECONDS, Runtime.getRuntime().availableProcessors());
    System.out.printf("Benchmark: baseline GET /public/api/surveys/{id}: %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n",
        baseline.perSecond(), baseline.p50(), baseline.p99());
    System.out.printf("Benchmark: accepted (201) %d, stored %d, other answers %d%n", posts.accepted(), stored,
        posts.requests() - posts.ok());
    // the suite's line (bench/run collects lines starting with P1 … P5): the figure beside its same-run baseline
    System.out.printf("P4 public survey submissions POST …/responses (%s, %d clients): %.0f/s, p50 %.1f ms, p99 %.1f ms"
        + " | baseline GET of the same survey (no write): %.0f/s, p50 %.1f ms, p99 %.1f ms | ratio %.2f×"
        + " | stored %d = accepted %d%n", database, CLIENTS, posts.perSecond(), posts.p50(), posts.p99(),
        baseline.perSecond(), baseline.p50(), baseline.p99(), posts.perSecond() / baseline.perSecond(), stored,
        posts.accepted());
    assertThat(posts.ok()).isEqualTo(posts.requests());
    assertThat(stored).isEqualTo(posts.accepted());
  }

  /** Warm-up, then the measured period; {@code accepted} counts the expected status over both. */
  private Run load(HttpClient client, IntFunction<HttpRequest> next, int expected) throws InterruptedException {
    long warmUpEnd = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
    long end = warmUpEnd + Duration.ofSeconds(MEASURE_SECONDS).toNanos();
    List<long[]> latencies = new ArrayList<>();
    long[] counts = new long[CLIENTS * 3];
    CountDownLatch done = new CountDownLatch(CLIENTS);
    for (int t = 0; t < CLIENTS; t++) {
      int thread = t;
      long[] mine = new long[2_000_000];
      latencies.add(mine);
      Thread worker = new Thread(() -> {
        int n = 0;
        try {
          for (int i = thread; System.nanoTime() < end; i += CLIENTS) {
            long start = System.nanoTime();
            int status;
            try {
              status = client.send(next.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
              status = -1;
            }
            long stop = System.nanoTime();
            if (status == expected) {
              counts[thread * 3 + 2]++;
            }
            if (start >= warmUpEnd && stop <= end) {
              if (n < mine.length) {
                mine[n++] = stop - start;
              }
              counts[thread * 3]++;
              if (status == expected) {
                counts[thread * 3 + 1]++;
              }
            }
          }
        } finally {
          mine[mine.length - 1] = n;
          done.countDown();
        }
      });
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
    long requests = 0;
    long ok = 0;
    long accepted = 0;
    for (int t = 0; t < CLIENTS; t++) {
      requests += counts[t * 3];
      ok += counts[t * 3 + 1];
      accepted += counts[t * 3 + 2];
    }
    long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a, 0, (int) a[a.length - 1])).sorted().toArray();
    return new Run(requests, ok, requests / (double) MEASURE_SECONDS, percentile(all, 0.50), percentile(all, 0.99),
        accepted);
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
