package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Tasklist form patch (app/tasklist/scripts/decision-review-forms.js) relies on the exact behaviour of the
 * form-js 1.8.7 and Tasklist 7.24.0 code in Camunda's webjar. A webjar update that changes any of it fails here, so
 * that someone checks the patch before users meet grey 提交 buttons or English strings again.
 */
class WebjarCompatibilityTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";

  private static String deps;
  private static String tasklist;
  private static String patch;

  @BeforeAll
  static void read() throws IOException {
    deps = webjarResource(WEBJAR + "lib/deps.js");
    tasklist = webjarResource(WEBJAR + "app/tasklist/camunda-tasklist-bootstrap.js");
    try (InputStream in = WebjarCompatibilityTest.class.getClassLoader()
        .getResourceAsStream(WEBJAR + "app/tasklist/scripts/decision-review-forms.js")) {
      patch = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The resource inside Camunda's own webjar, not the project's overrides of the same path. */
  private static String webjarResource(String name) throws IOException {
    List<URL> urls = Collections.list(WebjarCompatibilityTest.class.getClassLoader().getResources(name));
    URL url = urls.stream().filter(u -> u.toString().contains("camunda-webapp-webjar")).findFirst()
        .orElseThrow(() -> new AssertionError("camunda-webapp-webjar does not contain " + name));
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theWebjarIsTheOneThePatchWasWrittenFor() {
    assertThat(tasklist).as("Tasklist version").contains("\"7.24.0\"");
    assertThat(deps).as("form-js schema version").contains("schemaVersion=16");
  }

  @Test
  void tasklistDisablesSubmitWheneverTheErrorsObjectHasAKey() {
    // the trap: form-js reports empty entries, Tasklist counts keys
    assertThat(tasklist).containsPattern(Pattern.compile(
        "on\\(\"changed\",\\(function\\(\\w\\)\\{\\w\\.notifyFormDirty\\(!0\\);var \\w=!!Object\\.keys\\(\\w\\.errors\\)"
            + "\\.length;\\w\\.notifyFormValidated\\(\\w\\)\\}\\)\\)"));
    // …and throws the errors object on completion when it has a key, whose message becomes the toast
    assertThat(tasklist).containsPattern("\\w=\\w\\(\\),\\w=\\w\\.data,\\w=\\w\\.errors,!Object\\.keys\\(\\w\\)\\.length");
  }

  @Test
  void formJsLeavesEmptyErrorEntriesForFieldsInsideLists() {
    assertThat(deps).containsPattern(
        "\\.set\\(\\w,\\[\\w,\\.\\.\\.Object\\.values\\(\\w\\|\\|\\{\\}\\)\\],\\w\\.length\\?\\w:void 0\\)");
  }

  @Test
  void theFormMethodsThePatchWrapsAreThere() {
    assertThat(deps).containsPattern(
        "_setState\\(\\w\\)\\{this\\._state=\\{\\.\\.\\.this\\._state,\\.\\.\\.\\w\\},this\\._emit\\(\"changed\",this\\._getState\\(\\)\\)\\}");
    assertThat(deps).containsPattern("submit\\(\\)\\{[^}]*\\}[^}]*errors:this\\.validate\\(\\)\\}");
    assertThat(deps).as("the patch finds the form-js viewer module by these markers")
        .contains("_getSubmitData(){").contains("t.FeelersTemplating=").contains("t.Form=");
    assertThat(deps).as("text views evaluate templates without a sanitizer unless one is given")
        .containsPattern("evaluate\\(\\w,\\w=\\{\\},\\w=\\{\\}\\)\\{const\\{debug:\\w=!1,strict:\\w=!1,buildDebugString:\\w=[^,]*,"
            + "sanitizer:\\w=\\(\\w=>\\w\\)\\}=\\w;");
    assertThat(deps).as("flatpickr is found by these markers and localised with localize()")
        .contains("flatpickr-calendar").contains(".localize=");
    assertThat(deps).as("Tasklist loads customScripts and the patch pushes into this webpack chunk list")
        .contains("self.webpackChunkcamunda_bpm_webapp");
  }

  /** The English strings the patch translates must still be the ones form-js renders. */
  @ParameterizedTest
  @ValueSource(strings = {"Field is required.", "Field must have minimum value of ", "Field must have maximum value of ",
      "Field must have minimum length of ", "Field must have maximum length of ", "Field must match pattern ",
      "Field must be a valid email.", "Date and time must both be entered.", "Value is not a number.",
      "Value is expected to ", "Please select a valid value, the two nearest valid values are ",
      "\"Add new\"", "\"Collapse\"", "Expand all (", "placeholder:\"Search\"", "\"Select\"", "\"No results\"",
      "\"All values selected\"", "Remove list item ", "\"Remove tag\"", "\"Increment\"", "\"Decrement\"",
      "\"Powered by bpmn.io\"", "\"hh:mm\"", "\"Nothing to show.\"", "\"No content to show.\""})
  void translatedStringsStillExist(String english) {
    assertThat(deps).contains(english);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Field is required", "Add new", "Collapse", "Expand all", "Search", "Select",
      "No results", "All values selected", "Remove list item", "Remove tag", "Increment", "Decrement",
      "Powered by bpmn", "hh:mm", "Nothing to show", "Date and time must both be entered", "Value is not a number"})
  void thePatchTranslatesThem(String english) {
    assertThat(patch).contains(english.replace(".", "\\."));
  }
}
