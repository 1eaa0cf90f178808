package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese webapps: every key of the en.json that ships in the Camunda webjar on the
 * test classpath must have a Chinese translation, with its placeholders intact, and config.js must offer
 * zh first. A Camunda upgrade that adds keys fails this test until they are translated.
 */
class WebappLocaleTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fa5]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyEnglishKeyHasAChineseTranslation(String app) throws IOException {
    JsonNode en = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
    JsonNode zh = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json");
    List<String> problems = new ArrayList<>();
    compare(en, zh, "", problems);
    assertThat(problems).as(app + " zh.json").isEmpty();

    JsonNode labels = zh.get("labels");
    long chinese = 0;
    for (Iterator<JsonNode> it = labels.elements(); it.hasNext(); ) {
      if (CJK.matcher(it.next().asText()).find()) {
        chinese++;
      }
    }
    assertThat(chinese).as(app + ": share of labels in Chinese").isGreaterThan(labels.size() * 8L / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void configOffersChineseFirstAndFallsBackToIt(String app) throws IOException {
    String config = text("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js");
    assertThat(config).contains("export default {");
    assertThat(config.replace('"', '\'').replace(" ", ""))
        .contains("availableLocales:['zh','en']")
        .contains("fallbackLocale:'zh'");
    if (app.equals("tasklist")) {
      assertThat(config).as("the shipped shortcuts block is kept").contains("shortcuts");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void communityEditionEndOfLifeBannerIsTranslated(String app) throws IOException {
    JsonNode en = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json").get("labels");
    JsonNode zh = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json").get("labels");
    if (en.has("BANNER_CE_EOL_TEXT")) {
      assertThat(CJK.matcher(zh.get("BANNER_CE_EOL_TEXT").asText()).find()).isTrue();
    }
  }

  private static void compare(JsonNode en, JsonNode zh, String path, List<String> problems) {
    if (zh == null || zh.isMissingNode()) {
      problems.add(path + ": missing");
      return;
    }
    if (en.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        compare(field.getValue(), zh.get(field.getKey()), path + "/" + field.getKey(), problems);
      }
    } else if (en.isArray()) {
      if (!zh.isArray() || zh.size() != en.size()) {
        problems.add(path + ": array size differs");
      }
    } else if (en.isTextual()) {
      if (!zh.isTextual()) {
        problems.add(path + ": not text");
      } else if (!placeholders(en.asText()).equals(placeholders(zh.asText()))) {
        problems.add(path + ": placeholders differ");
      }
    }
  }

  private static List<String> placeholders(String s) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      found.add(m.group());
    }
    found.sort(String::compareTo);
    return found;
  }

  private static JsonNode read(String resource) throws IOException {
    return MAPPER.readTree(text(resource));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
  }
}
