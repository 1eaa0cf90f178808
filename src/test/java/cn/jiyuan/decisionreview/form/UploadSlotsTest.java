package cn.jiyuan.decisionreview.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.form.DeclaredForm.Kind;
import cn.jiyuan.decisionreview.shared.UploadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The file slots of 提供实施情况材料 and 落实整改事项 are declared one by one in the HTML, because the server allows a
 * completion only what the deployed form declares. So the form, the slot list its script checks and the upload limit
 * must agree: an analyst who adds a sixth slot in the HTML without raising the limit (or the reverse) is told here.
 */
class UploadSlotsTest {

  @ParameterizedTest
  @CsvSource({"supply-materials.html, materialFile", "rectification-report.html, rectificationEvidenceFile"})
  void theFormDeclaresExactlyAsManyFileSlotsAsTheUploadLimit(String form, String prefix) throws IOException {
    DeclaredForm declared = EmbeddedFormHtml.parse(Files.readString(Path.of("forms", form), StandardCharsets.UTF_8));
    List<String> fileSlots = declared.variables().values().stream().filter(f -> f.kind() == Kind.FILE)
        .map(DeclaredForm.Field::key).toList();
    List<String> expected = IntStream.rangeClosed(1, UploadLimits.MAX_FILES_PER_FORM)
        .mapToObj(n -> prefix + n).toList();
    assertThat(fileSlots).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource({"supply-materials.html", "rectification-report.html"})
  void theSharedScriptChecksEverySlotTheFormDeclares(String form) throws IOException {
    String html = Files.readString(Path.of("forms", form), StandardCharsets.UTF_8);
    Matcher slots = Pattern.compile("files:\\s*\\[([0-9,\\s]+)]").matcher(html);
    assertThat(slots.find()).as("the form script lists its slots as files: [1, 2, …]").isTrue();
    assertThat(slots.group(1).split(",")).hasSize(UploadLimits.MAX_FILES_PER_FORM);
  }
}
