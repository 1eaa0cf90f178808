package cn.jiyuan.decisionreview.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.shared.RuntimeQueries;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the board names who holds a task, and how it keeps IN lists short. */
class SupervisionBoardTest {

  private static final SupervisionBoard.Names NAMES = new SupervisionBoard.Names(Map.of("sifa", "王明远"),
      Map.of("legal-affairs", "市司法局", "exec-fgw", "市发展和改革委员会"));

  @Test
  void theAssigneeHoldsATaskBeforeItsCandidateUnits() {
    assertThat(SupervisionBoard.holder("sifa", List.of("legal-affairs"), List.of(), NAMES)).isEqualTo("王明远");
    assertThat(SupervisionBoard.holder(null, List.of("legal-affairs", "exec-fgw"), List.of("sifa"), NAMES))
        .isEqualTo("市司法局、市发展和改革委员会");
    assertThat(SupervisionBoard.holder(null, List.of(), List.of("sifa", "zhuanjia9"), NAMES)).isEqualTo("王明远、zhuanjia9");
    assertThat(SupervisionBoard.holder(null, List.of(), List.of(), NAMES)).isEqualTo("未分配");
  }

  @Test
  void manyIdsAreQueriedInChunks() {
    List<String> ids = IntStream.range(0, 1001).mapToObj(i -> "id" + i).toList();
    List<List<String>> chunks = RuntimeQueries.chunks(ids);
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0)).hasSize(RuntimeQueries.CHUNK);
    assertThat(chunks.get(2)).containsExactly("id1000");
    assertThat(RuntimeQueries.chunks(List.of())).isEmpty();
  }
}
