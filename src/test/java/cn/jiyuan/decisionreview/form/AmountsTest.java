package cn.jiyuan.decisionreview.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void groupsDigitsInThreesAndShowsCentsOnlyWhenThereAreAny() {
    assertThat(Amounts.yuan(180000)).isEqualTo("180,000 元");
    assertThat(Amounts.yuan(86000.0)).isEqualTo("86,000 元");
    assertThat(Amounts.yuan(100_000_000L)).isEqualTo("100,000,000 元");
    assertThat(Amounts.yuan(1234.5)).isEqualTo("1,234.50 元");
    assertThat(Amounts.yuan("999.999")).isEqualTo("1,000 元");
    assertThat(Amounts.yuan(0)).isEqualTo("0 元");
  }

  @Test
  void aMissingOrNonNumericValueGivesNothing() {
    assertThat(Amounts.yuan(null)).isNull();
    assertThat(Amounts.yuan("")).isNull();
    assertThat(Amounts.yuan("十万")).isNull();
  }
}
