package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * P2, the registry at a province's size ({@code ./mvnw -Pbench verify -DskipUnitTests=true
 * -Dit.test=DecisionRegistryBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false}): {@value #REAL} decisions registered
 * through REST (real trackings, their rows written by the process), the rest of the register filled with rows
 * inserted directly (copies of a real row's detail, spread over units, categories, statuses and dates), up to 1,000,
 * 5,000 and 20,000 rows, and 100,000 on PostgreSQL (SPRING_DATASOURCE_URL). At each size it times {@code GET
 * /api/decisions} pages through HTTP (first, middle, last, a filtered one, an executing unit's) beside Camunda's own
 * {@code GET /engine-rest/history/process-instance?maxResults=50} in the same run. Printed, never asserted.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/bench/registry-${random.uuid};"
        + "LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE}",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"demo", "it"})
class DecisionRegistryBenchmarkIT {

  static final int REAL = Integer.getInteger("bench.registry.real", 300);
  static final int ROUNDS = Integer.getInteger("bench.registry.rounds", 40);
  static final int WARM_UP = 8;
  static final String[] UNITS = {"exec-fgw", "exec-jyj", "exec-zjj"};
  static final String[] CATEGORIES = {"REFORM", "POLICY", "PLAN", "OTHER"};
  static final String[] STATUSES = {"TRACKING", "TRACKING", "TRACKING", "EVALUATING", "SUSPENDED", "COMPLETED"};

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  record Figure(double p50, double p95, int bytes) {}

  @Test
  void pagesOfTheRegistry() {
    String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    boolean postgres = database.toLowerCase().contains("postgres");
    long registerStart = System.nanoTime();
    for (int i = 0; i < REAL; i++) {
      register(i);
    }
    double perSecond = REAL / ((System.nanoTime() - registerStart) / 1e9);
    String detail = jdbc.queryForObject("SELECT detail FROM dr_decision WHERE category = 'PLAN' AND detail IS NOT NULL"
        + " ORDER BY registered_at DESC LIMIT 1", String.class);
    System.out.printf("P2 setup: %d decisions registered through REST (%.0f/s), the rest of each size inserted"
        + " directly with a real row's detail (%d bytes); %s, %d cores, load average %s%n", REAL, perSecond,
        detail.length(), database, Runtime.getRuntime().availableProcessors(), loadAverage());

    List<Integer> sizes = new ArrayList<>(List.of(1_000, 5_000, 20_000));
    if (postgres) {
      sizes.add(100_000);
    }
    for (int size : sizes) {
      fill(size, detail);
      if (postgres) {
        // what autovacuum does after a bulk load: statistics, and the visibility map index-only scans need
        jdbc.execute("VACUUM ANALYZE dr_decision");
      }
      long total = jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision", Long.class);
      long lastPage = (total - 1) / 50;
      Http sifa = Http.basic(port, "sifa", "demo");
      Http jyj = Http.basic(port, "jyj", "demo");
      Map<String, Figure> figures = new LinkedHashMap<>();
      Figure baseline = time(sifa, "/engine-rest/history/process-instance?maxResults=50");
      figures.put("page 0", time(sifa, "/api/decisions"));
      figures.put("page " + lastPage / 2 + " (middle)", time(sifa, "/api/decisions?page=" + lastPage / 2));
      figures.put("page " + lastPage + " (last)", time(sifa, "/api/decisions?page=" + lastPage));
      figures.put("last page by next evaluation", time(sifa, "/api/decisions?sort=-nextEvaluationDate&page=" + lastPage));
      figures.put("filtered (status=TRACKING, category=PLAN, q=规划)",
          time(sifa, "/api/decisions?status=TRACKING&category=PLAN&q=" + Http.encode("规划")));
      figures.put("executing unit jyj, page 0", time(jyj, "/api/decisions"));
      figures.put("size=500", time(sifa, "/api/decisions?size=500"));
      String db = postgres ? "PostgreSQL" : "H2";
      for (Map.Entry<String, Figure> f : figures.entrySet()) {
        System.out.printf("P2 registry %s of %d (%s): p50 %.1f ms p95 %.1f ms, %,d bytes | baseline Camunda history"
            + " page of 50: p50 %.1f ms p95 %.1f ms, %,d bytes%n", f.getKey(), total, db, f.getValue().p50(),
            f.getValue().p95(), f.getValue().bytes(), baseline.p50(), baseline.p95(), baseline.bytes());
      }
    }
    System.out.printf("P2 load average after the run: %s%n", loadAverage());
  }

  private void register(int i) {
    String category = CATEGORIES[i % CATEGORIES.length];
    Map<String, Object> vars = new LinkedHashMap<>();
    put(vars, "decisionNumber", DecisionNumbers.unique());
    put(vars, "decisionTitle", "济源市" + (i % 3 == 0 ? "城乡规划" : "公共服务") + "实施方案（基准 " + i + "）");
    put(vars, "decisionCategory", category);
    put(vars, "broadImpact", i % 2 == 0);
    put(vars, "implementationStart", LocalDate.of(2027, 1, 1).plusDays(i % 300).toString());
    put(vars, "implementationEnd", i % 4 == 3 ? "" : LocalDate.of(2033, 1, 1).plusDays(i % 300).toString());
    put(vars, "executingUnit", UNITS[i % UNITS.length]);
    put(vars, "superiorMandated", false);
    Http.Response r = Http.basic(port, "zhengfu", "demo").postJson(
        "/engine-rest/process-definition/key/decision-tracking/submit-form", Map.of("variables", vars));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static void put(Map<String, Object> vars, String name, Object value) {
    vars.put(name, Map.of("value", value));
  }

  /** Rows inserted directly until the register holds {@code size}. */
  private void fill(int size, String detail) {
    long have = jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision", Long.class);
    List<Object[]> batch = new ArrayList<>();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    for (long i = have; i < size; i++) {
      int n = (int) i;
      String status = STATUSES[n % STATUSES.length];
      LocalDate start = LocalDate.of(2020, 1, 1).plusDays(n % 2500);
      LocalDate due = status.equals("COMPLETED") || n % 7 == 0 ? null : start.plusMonths(12 + n % 48);
      batch.add(new Object[] {"济政〔" + (2000 + n % 30) + "〕" + (100_000 + n) + "号（基准）", "bench-" + n,
          "济源市第 " + n + " 项" + (n % 5 == 0 ? "城乡规划" : "民生实事") + "实施方案", CATEGORIES[n % CATEGORIES.length],
          UNITS[n % UNITS.length], status, new Timestamp(now.getTime() - n * 1000L), now, Date.valueOf(start),
          n % 3 == 0 ? null : Date.valueOf(start.plusYears(5)), due == null ? null : "EXECUTION",
          due == null ? null : Date.valueOf(due), due == null ? null : "第十九条第一款", detail});
      if (batch.size() == 1000) {
        insert(batch);
      }
    }
    insert(batch);
  }

  private void insert(List<Object[]> batch) {
    if (batch.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO dr_decision (decision_number, process_instance_id, title, category, executing_unit,"
        + " status, registered_at, updated_at, implementation_start, implementation_end, next_evaluation_type,"
        + " next_evaluation_due, next_evaluation_basis, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
    batch.clear();
  }

  private Figure time(Http http, String path) {
    double[] ms = new double[ROUNDS];
    int bytes = 0;
    for (int i = -WARM_UP; i < ROUNDS; i++) {
      long t = System.nanoTime();
      Http.Response r = http.get(path);
      double elapsed = (System.nanoTime() - t) / 1e6;
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
      if (i >= 0) {
        ms[i] = elapsed;
        bytes = r.bytes().length;
      }
    }
    Arrays.sort(ms);
    return new Figure(ms[ROUNDS / 2], ms[(int) Math.ceil(ROUNDS * 0.95) - 1], bytes);
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
