package cn.jiyuan.decisionreview.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationsTest {

  @Test
  void readsListsRangesItemsAndTheDecree() {
    assertThat(Citations.in("第二十一条、第二十二条、第二十五条及《重大行政决策程序暂行条例》第三十六条第二款：由决策表判定"))
        .containsExactly("第二十一条", "第二十二条", "第二十五条", "条例第三十六条");
    assertThat(Citations.in("《济源市重大行政决策实施情况跟踪反馈与后评估办法》第三条至第五条、第十二条第（二）项"))
        .containsExactly("第三条", "第四条", "第五条", "第十二条");
    assertThat(Citations.in("承担过决策前主要论证评估（条例第三十六条）；第十条")).containsExactly("条例第三十六条", "第十条");
  }

  @Test
  void aSentenceEndsTheDecreeAndOtherLawsAreSkipped() {
    assertThat(Citations.in("《重大行政决策程序暂行条例》第三十七条。第十七条")).containsExactly("条例第三十七条", "第十七条");
    assertThat(Citations.in("《河南省重大行政决策程序规定》第三十条、第三十一条；第八条")).containsExactly("第八条");
    assertThat(Citations.in("按《评估报告》第十四条")).containsExactly("第十四条");
  }

  @Test
  void theFirstRuleOrRowIsNoCitation() {
    assertThat(Citations.in("按顺序取第一条命中的规则（FIRST）")).isEmpty();
    assertThat(Citations.in("第一条“网上问卷”记录由系统汇总")).isEmpty();
  }

  @Test
  void numeralsBothWays() {
    for (int n = 1; n <= 99; n++) {
      assertThat(Citations.number(Citations.numeral(n))).isEqualTo(n);
    }
    assertThat(Citations.numeral(36)).isEqualTo("三十六");
    assertThat(Citations.numeral(10)).isEqualTo("十");
    assertThat(Citations.numeral(21)).isEqualTo("二十一");
  }
}
