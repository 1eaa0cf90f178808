package cn.jiyuan.decisionreview.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/traceability.md} true: every article the system carries out has at least one element and one
 * test, nothing cites an article the Measures do not have, and the page is what the models, code and tests say.
 */
class TraceabilityTest {

  private static final Path PAGE = Path.of("docs", "traceability.md");
  private static final String ROOT = "cn.jiyuan.decisionreview";
  private static Traceability table;

  @BeforeAll
  static void build() throws Exception {
    table = new Traceability(Traceability.catalogue()).scanModels(Path.of("."))
        .scanCode(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT))
        .scanTests(new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(ROOT));
    if (Boolean.getBoolean("traceability.write")) {
      Files.createDirectories(PAGE.getParent());
      Files.writeString(PAGE, table.markdown(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyArticleThatIsCarriedOutHasAnElementAndATest() {
    assertThat(table.gaps()).as("articles of the Measures and of Decree 713 Art. 34–41 left without element or test").isEmpty();
  }

  @Test
  void theCatalogueHoldsTheMeasuresAndTheDecreesChaptersOnExecutionAndLiability() {
    assertThat(table.articles).extracting(Traceability.Article::key).hasSize(27 + 8)
        .startsWith("第一条", "第二条").contains("第二十七条", "条例第三十四条", "条例第四十一条").doesNotHaveDuplicates();
    assertThat(table.articles).filteredOn(a -> !a.carried()).allSatisfy(a -> assertThat(a.reason()).hasSizeGreaterThan(10));
  }

  @Test
  void thePublishedTableIsUpToDate() throws Exception {
    assertThat(Files.exists(PAGE)).as(PAGE + " exists").isTrue();
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as("docs/traceability.md is stale: ./mvnw -o -q test -Dtest=TraceabilityTest -Dtraceability.write=true")
        .isEqualTo(table.markdown());
  }
}
