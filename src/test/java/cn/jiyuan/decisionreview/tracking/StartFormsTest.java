package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start forms (and the request's refusal) speak to civil servants, and the embedded request
 * form stays in step with the server: the same reasons with the same labels, and only the contract variables.
 */
class StartFormsTest {

  /** What a civil servant should never read: rule-table ids, variable names, group ids. */
  static final Pattern DEVELOPER_WORDS = Pattern.compile("决策表|DMN|[a-z]+[A-Z][A-Za-z]*|\\b(exec|agency)-[a-z]+");

  static final Pattern OPTION = Pattern.compile("<option value=\"([A-Z_]+)\">([^<]+)</option>");
  static final Pattern VARIABLE = Pattern.compile("cam-variable-name=\"([^\"]+)\"");

  static String html() throws Exception {
    return Files.readString(Path.of("forms/request-evaluation.html"));
  }

  @Test
  void theRequestFormOffersExactlyTheReasonsTheServerKnowsWithTheirLabels() throws Exception {
    Map<String, String> offered = new LinkedHashMap<>();
    Matcher m = OPTION.matcher(html());
    while (m.find()) {
      offered.put(m.group(1), m.group(2));
    }
    assertThat(offered).containsExactlyEntriesOf(TrackingCodes.REQUEST_REASONS);
  }

  @Test
  void theRequestFormSubmitsOnlyTheContractVariables() throws Exception {
    Set<String> declared = new TreeSet<>();
    Matcher m = VARIABLE.matcher(html());
    while (m.find()) {
      declared.add(m.group(1));
    }
    assertThat(declared).containsExactlyInAnyOrder(TrackingVariables.DECISION_NUMBER.name(),
        TrackingVariables.REQUEST_REASON.name(), TrackingVariables.REQUEST_DESCRIPTION.name(),
        RequestVariables.PUBLIC_OPINION_COUNT.name());
  }

  @Test
  void theRequestFormShowsNoDeveloperWords() throws Exception {
    // What the page shows: the markup without the form script, tags, attributes and Angular expressions.
    String visible = html().replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<!--.*?-->", "")
        .replaceAll("(?s)<[^>]*>", " ").replaceAll("\\{\\{[^}]*}}", " ");
    assertThat(visible).contains("申请启动跟踪反馈与后评估", "第八条", "第十八条");
    assertThat(DEVELOPER_WORDS.matcher(visible).find()).as(visible).isFalse();
    // Placeholders are shown too.
    assertThat(html()).contains("placeholder=\"输入文号或名称中的字词");
  }

  @ParameterizedTest
  @ValueSource(strings = {"register-decision", "request-refused", "agency-registration"})
  void formsShowNoDeveloperWords(String form) throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile());
    List<String> texts = new ArrayList<>();
    collect(schema.path("components"), texts);
    assertThat(texts).isNotEmpty();
    assertThat(texts).noneMatch(t -> DEVELOPER_WORDS.matcher(t.replaceAll("\\{\\{[^}]*}}", " ")).find());
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isObject()) {
      for (String field : List.of("text", "label", "description", "dateLabel")) {
        if (node.path(field).isTextual()) {
          texts.add(node.get(field).asText());
        }
      }
      node.elements().forEachRemaining(child -> collect(child, texts));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collect(child, texts));
    }
  }
}
