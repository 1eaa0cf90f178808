package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write answered 2xx survives {@code kill -9}. The packaged jar runs as its own process with the
 * application's own database settings (H2 file under a temporary working directory, or the PostgreSQL of
 * SPRING_DATASOURCE_URL); a task is completed with an uploaded file, the process is killed with SIGKILL right after
 * the 204, restarted on the same database, and the completion, the file and the registrations before it are there.
 * What durability costs (registrations per second) is measured by {@link #durabilityCost()}, a benchmark run only in
 * the {@code bench} profile.
 */
class CrashDurabilityIsolatedIT {

  /** Registrations acknowledged before the kill, each of which must survive it. */
  private static final int REGISTERED_BEFORE_KILL = 5;
  private static final int WARM_UP = 5;
  private static final int MEASURED = 20;

  @TempDir Path workDir;
  private final List<Process> started = new ArrayList<>();

  private static final String URL = System.getenv("SPRING_DATASOURCE_URL");
  private static final boolean POSTGRES = URL != null && URL.startsWith("jdbc:postgresql:");

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  @Test
  void anAcknowledgedCompletionAndItsFileSurviveKillMinus9() throws Exception {
    int port = freePort();
    Process first = start("first", port);
    Http fgw = Http.basic(port, "fgw", "demo");

    List<String> numbers = new ArrayList<>();
    registerDecisions(port, REGISTERED_BEFORE_KILL, numbers);

    JsonNode tasks = fgw.get("/engine-rest/task?taskDefinitionKey=Task_SupplyMaterials&sortBy=created&sortOrder=asc").json();
    assertThat(tasks).as("the demo data gives fgw 提供实施情况材料").isNotEmpty();
    String taskId = tasks.get(0).get("id").asText();
    String pid = tasks.get(0).get("processInstanceId").asText();
    String fileName = "kill-" + UUID.randomUUID().toString().substring(0, 8) + ".pdf";
    byte[] file = ("%PDF-1.7 kill -9 " + fileName).getBytes(StandardCharsets.UTF_8);

    Http.Response completed = fgw.postJson("/engine-rest/task/" + taskId + "/submit-form", materials(fileName, file));
    long acknowledged = System.nanoTime();
    first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no database close
    long killedAfterMs = (System.nanoTime() - acknowledged) / 1_000_000;
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    System.out.printf("[durability] killed %d ms after the 204 (exit %d)%n", killedAfterMs, first.exitValue());

    // Restart on the same database with the application's own settings: what it reads was written by the first run.
    Process second = start("second", port);
    Http sifa = Http.basic(port, "sifa", "demo");
    assertThat(fgw.get("/engine-rest/task/" + taskId).status()).as("the completed task is gone").isEqualTo(404);
    JsonNode history = sifa.get("/engine-rest/history/task?taskId=" + taskId).json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("endTime").isNull()).as("completion recorded").isFalse();
    JsonNode materials = fgw.get("/api/evaluations/" + pid + "/materials").json();
    JsonNode stored = null;
    for (JsonNode m : materials) {
      if (m.get("fileName").asText().equals(fileName)) {
        stored = m;
      }
    }
    assertThat(stored).as("the uploaded file survived").isNotNull();
    assertThat(fgw.get(stored.get("url").asText()).bytes()).isEqualTo(file);
    Http zhengfu = Http.basic(port, "zhengfu", "demo");
    for (String number : numbers) {
      assertThat(zhengfu.get("/api/decisions/" + Http.encode(number)).status()).as(number + " survived").isEqualTo(200);
    }
    second.destroy();
    assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  /**
   * What durability costs: registrations per second with the application's settings and, on H2, again with H2's own
   * default write delay (500 ms) for comparison. Printed, not asserted.
   */
  @Test
  @Tag("benchmark")
  void durabilityCost() throws Exception {
    int port = freePort();
    Process first = start("bench-first", port);
    double durableRate = registrationsPerSecond(port);
    first.destroy();
    assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    Process second = start("bench-second", port, POSTGRES ? new String[0] : new String[] {
        "--spring.datasource.url=jdbc:h2:file:./data/decision-review;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500"});
    double rate = registrationsPerSecond(port);
    if (POSTGRES) {
      System.out.printf("[durability] PostgreSQL: %.1f registrations/s, then %.1f registrations/s after a restart%n",
          durableRate, rate);
    } else {
      System.out.printf("[durability] H2 WRITE_DELAY=0 (application.yaml): %.1f registrations/s; "
          + "H2 default WRITE_DELAY=500: %.1f registrations/s%n", durableRate, rate);
    }
    second.destroy();
    assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  /** The rate of {@link #MEASURED} registrations after {@link #WARM_UP} unmeasured ones. */
  private static double registrationsPerSecond(int port) {
    registerDecisions(port, WARM_UP, new ArrayList<>());
    long begin = System.nanoTime();
    registerDecisions(port, MEASURED, new ArrayList<>());
    return MEASURED / ((System.nanoTime() - begin) / 1e9);
  }

  /** Registers decisions through the registration form as the authority; adds their numbers to {@code numbers}. */
  private static void registerDecisions(int port, int count, List<String> numbers) {
    Http zhengfu = Http.basic(port, "zhengfu", "demo");
    for (int i = 0; i < count; i++) {
      String number = "济政〔2099〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("decisionNumber", Map.of("value", number));
      vars.put("decisionTitle", Map.of("value", "耐久性测试决策"));
      vars.put("decisionCategory", Map.of("value", "POLICY"));
      vars.put("implementationStart", Map.of("value", "2026-07-01"));
      vars.put("executingUnit", Map.of("value", "exec-fgw"));
      Http.Response r = zhengfu.postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
          Map.of("variables", vars));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      numbers.add(number);
    }
  }

  private static Map<String, Object> materials(String fileName, byte[] content) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("materialFile1", Map.of("value", Base64.getEncoder().encodeToString(content), "type", "File",
        "valueInfo", Map.of("filename", fileName, "mimetype", "application/pdf")));
    vars.put("implementationData", Map.of("value", "耐久性测试"));
    vars.put("implementationProblems", Map.of("value", "无"));
    vars.put("implementationRisks", Map.of("value", "无"));
    vars.put("implementationSuggestions", Map.of("value", "无"));
    return Map.of("variables", vars);
  }

  /** Starts the packaged jar with the application's defaults; waits until it accepts traffic (demo data done). */
  private Process start(String name, int port, String... extra) throws IOException, InterruptedException {
    Path jar = packagedJar();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
        "--management.endpoint.health.probes.enabled=true"));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    Path log = Path.of("target", "durability", name + ".log");
    Files.createDirectories(log.getParent());
    builder.redirectOutput(log.toFile());
    if (!POSTGRES) {
      // the application's own H2 setting (./data under the working directory), not the test's
      builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE_") || k.equals("SPRING_PROFILES_ACTIVE"));
    }
    Process process = builder.start();
    started.add(process);
    Http anonymous = Http.anonymous(port);
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as(name + " died, see " + log + ":\n" + tail(log)).isTrue();
      try {
        if (anonymous.get("/actuator/health/readiness").status() == 200) {
          return process;
        }
      } catch (IllegalStateException notYet) {
        // connection refused while starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " did not become ready, see " + log + ":\n" + tail(log));
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("decision-review-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("target/decision-review-*.jar missing: run through mvn verify"));
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
