package cn.jiyuan.decisionreview.evaluation.files;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.ProjectTables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FileTableTest {

  /** The engine's clock as an operator or a test may have set it: the report dates materials by it. */
  private static final Instant ENGINE_TIME = Instant.parse("2026-03-02T01:00:00Z");

  @Test
  void aFileIsDatedByTheEngineClockAndListedWithThatDate() {
    FileTable materials = new FileTable(ProjectTables.fresh("files"), "dr_evaluation_material", "process_instance_id",
        Clock.fixed(ENGINE_TIME, ZoneOffset.UTC));

    EvaluationFileStore.StoredFile stored = materials.add("pi-1", "济政〔2026〕7号", "实施情况报告.pdf",
        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "fgw01");

    assertThat(stored.uploadedAt()).isEqualTo(ENGINE_TIME);
    assertThat(materials.list("pi-1")).singleElement()
        .satisfies(f -> assertThat(f.uploadedAt()).isEqualTo(ENGINE_TIME));
  }
}
