package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Http;
import com.fasterxml.jackson.databind.JsonNode;

/** What every refusal must look like (BRIEF: a 4xx with a Chinese JSON message, no stack trace, no class names). */
final class Refusals {

  private Refusals() {}

  /** Asserts a refusal and returns its message. */
  static String assertChineseRefusal(String what, Http.Response response) {
    assertThat(response.status()).as(what + " status: " + response.body()).isBetween(400, 499);
    JsonNode json;
    try {
      json = response.json();
    } catch (IllegalStateException e) {
      throw new AssertionError(what + ": not JSON (" + response.status() + "): " + response.body(), e);
    }
    String message = json.path("message").asText();
    assertThat(message).as(what + " message").matches("(?s).*\\p{IsHan}.*")
        .doesNotContain("Exception", "java.", "org.", "camunda", "ENGINE-", "Cannot ");
    assertThat(response.body()).as(what + " body").doesNotContain("java.", "org.camunda", "org.springframework",
        "\tat ", "com.fasterxml", "Tomcat");
    return message;
  }
}
