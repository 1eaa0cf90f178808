package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters of GET /api/decisions and the register entry built from a tracking's variables, without an engine. */
class RegistryQueryTest {

  private static RegistryQuery parse(String... pairs) {
    Map<String, String[]> p = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      p.put(pairs[i], new String[] {pairs[i + 1]});
    }
    return RegistryQuery.parse(p);
  }

  @Test
  void defaultsAndLimits() {
    RegistryQuery q = parse();
    assertThat(q.page()).isZero();
    assertThat(q.size()).isEqualTo(50);
    assertThat(q.sort()).containsExactly("-registeredAt");
    assertThat(parse("size", "500", "page", "3").offset()).isEqualTo(1500);
    assertThat(parse("status", "TRACKING, EVALUATING", "q", "  济政  ", "sort", "title,-nextEvaluationDate").selection())
        .containsEntry("status", "TRACKING,EVALUATING").containsEntry("q", "济政")
        .containsEntry("sort", "title,-nextEvaluationDate");
    assertThat(parse("q", "   ").q()).isNull();
  }

  @Test
  void badValuesAreRefusedInChinese() {
    for (String[] bad : List.of(new String[] {"size", "501"}, new String[] {"size", "0"}, new String[] {"page", "-1"},
        new String[] {"page", "9999999999"}, new String[] {"sort", "title;drop"}, new String[] {"sort", "-title,title"},
        new String[] {"sort", "a,b,c,d"}, new String[] {"status", "DONE"}, new String[] {"category", "x"},
        new String[] {"unit", "exec fgw"}, new String[] {"q", "x".repeat(101)}, new String[] {"q", "a\u200Bb"})) {
      assertThatThrownBy(() -> parse(bad)).as(String.join("=", bad)).isInstanceOf(IllegalArgumentException.class)
          .message().containsPattern("\\p{IsHan}");
    }
    assertThatThrownBy(() -> RegistryQuery.parse(Map.of("page", new String[] {"1", "2"})))
        .hasMessageContaining("只能出现一次");
  }

  @Test
  void theEntryHoldsTheNextAndTheLastEvaluationAndTheDetail() {
    Map<String, Object> v = Map.of("trackingStatus", "TRACKING", "decisionTitle", "规划", "executingUnit", "exec-fgw",
        "implementationStart", "2026-01-01",
        "scheduledEvaluations", "[{\"evaluationType\":\"EXECUTION\",\"dueMonths\":12,\"dueDate\":\"2027-01-01\","
            + "\"legalBasis\":\"第十九条第一款\",\"status\":\"DONE\"},{\"evaluationType\":\"FINAL\",\"dueMonths\":60,"
            + "\"dueDate\":\"2031-01-01\",\"legalBasis\":\"第十九条第三款\",\"status\":\"PENDING\"}]",
        "evaluationHistory", "[{\"evaluationType\":\"EXECUTION\",\"completedDate\":\"2027-02-01\",\"outcome\":\"ADJUST\","
            + "\"waived\":false}]");
    RegisterEntry e = RegisterEntry.of(v::get, "TRACKING");
    assertThat(e.nextEvaluationType()).isEqualTo("FINAL");
    assertThat(e.nextEvaluationDue()).isEqualTo(LocalDate.of(2031, 1, 1));
    assertThat(e.lastEvaluationOutcome()).isEqualTo("ADJUST");
    assertThat(e.lastEvaluationCompleted()).isEqualTo(LocalDate.of(2027, 2, 1));
    Map<String, Object> detail = RegisterEntry.detail(e.detail());
    assertThat(detail).containsOnlyKeys("scheduledEvaluations", "pastEvaluations", "requests",
        "lastExecutionEvaluationDate");
    assertThat((List<?>) detail.get("scheduledEvaluations")).hasSize(2);
    assertThat((List<?>) detail.get("requests")).isEmpty();

    RegisterEntry ended = RegisterEntry.of(Map.<String, Object>of("trackingStatus", "COMPLETED",
        "scheduledEvaluations", v.get("scheduledEvaluations"))::get, "TRACKING");
    assertThat(ended.nextEvaluationDue()).isNull();
    assertThat(RegisterEntry.detail(null).get("pastEvaluations")).isEqualTo(List.of());
  }
}
