package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatingJsonSerializerTest {

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", "[\"WHOLE\"]", "[{\"name\":\"王明远\",\"hasConflict\":false}]", "\"text\"", "12", "null"})
  void acceptsWellFormedJson(String json) {
    assertThat(ValidatingJsonSerializer.problem(json)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{bad", "", "   ", "[1,", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", "[1] x", "NaN"})
  void refusesMalformedJson(String json) {
    assertThat(ValidatingJsonSerializer.problem(json)).isNotNull().matches("(?s).*\\p{IsHan}.*");
  }

  @Test
  void refusesDeepNestingAndHugeNumbers() {
    assertThat(ValidatingJsonSerializer.problem("[".repeat(40) + "]".repeat(40))).contains("嵌套");
    assertThat(ValidatingJsonSerializer.problem("[" + "9".repeat(1000) + "]")).contains("数字");
    assertThat(ValidatingJsonSerializer.problem("[".repeat(30) + "]".repeat(30))).isNull();
  }
}
