package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.files.FileRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

  @Test
  void theBodyCapLetsEveryFileOfTheLargestFormBeOneByteTooLarge() {
    long fiveOversizedFiles = EvaluationVariables.MATERIAL_FILE_SLOTS * RequestLimits.base64Length(FileRules.MAX_BYTES + 1);
    assertThat(RequestLimits.MAX_BODY_BYTES).isGreaterThan(fiveOversizedFiles);
    assertThat(RequestLimits.MAX_BODY_BYTES).isLessThan(fiveOversizedFiles + 8L * 1024 * 1024);
    assertThat(RequestLimits.base64Length(3)).isEqualTo(4);
    assertThat(RequestLimits.base64Length(20L * 1024 * 1024)).isEqualTo(27_962_028);
  }

  /** If an analyst adds a sixth file field to a form, the cap must grow with it. */
  @Test
  void noFormHasMoreFileFieldsThanTheCapAllowsFor() throws IOException {
    Pattern file = Pattern.compile("cam-variable-type=\"File\"");
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = file.matcher(Files.readString(form));
        int count = 0;
        while (m.find()) {
          count++;
        }
        assertThat(count).as(form.toString()).isLessThanOrEqualTo(EvaluationVariables.MATERIAL_FILE_SLOTS);
      }
    }
  }

  @Test
  void jacksonAcceptsAStringAsLongAsTheBodyCap() {
    RequestLimits.installJsonDefaults();
    assertThat(com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxStringLength())
        .isGreaterThanOrEqualTo((int) RequestLimits.base64Length(FileRules.MAX_BYTES + 1));
  }
}
