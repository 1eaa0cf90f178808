package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapReleaseTest {

  /** Flags at the JVM's defaults (40 / 70) unless given; records every change and the collection in order. */
  static final class RecordingFlags implements HeapRelease.Flags {
    final Map<String, String> values = new HashMap<>(Map.of(HeapRelease.MIN_FREE, "40", HeapRelease.MAX_FREE, "70"));
    final Map<String, Boolean> operatorSet = new HashMap<>();
    final List<String> events = new ArrayList<>();

    @Override
    public String defaultValue(String name) {
      return operatorSet.getOrDefault(name, false) ? null : values.get(name);
    }

    @Override
    public void set(String name, String value) {
      values.put(name, value);
      assertThat(Integer.parseInt(values.get(HeapRelease.MIN_FREE)))
          .as("min ≤ max after every change").isLessThanOrEqualTo(Integer.parseInt(values.get(HeapRelease.MAX_FREE)));
      events.add(name + "=" + value);
    }

    Runnable gc() {
      return () -> events.add("gc with " + values.get(HeapRelease.MIN_FREE) + "–" + values.get(HeapRelease.MAX_FREE));
    }
  }

  @Test
  void collectsWithTheLoweredBoundsAndRestoresTheJvmsOwn() {
    RecordingFlags flags = new RecordingFlags();
    assertThat(HeapRelease.collect(flags, flags.gc())).isTrue();
    assertThat(flags.events).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "gc with 10–30",
        "MaxHeapFreeRatio=70", "MinHeapFreeRatio=40");
  }

  @Test
  void leavesWhatTheOperatorSetAlone() {
    RecordingFlags flags = new RecordingFlags();
    flags.operatorSet.put(HeapRelease.MAX_FREE, true);
    assertThat(HeapRelease.collect(flags, flags.gc())).isFalse();
    assertThat(flags.events).containsExactly("gc with 40–70");
  }

  @Test
  void restoresTheBoundsWhenTheCollectionFails() {
    RecordingFlags flags = new RecordingFlags();
    assertThatThrownBy(() -> HeapRelease.collect(flags, () -> {
      throw new IllegalStateException("collector refused");
    })).hasMessage("collector refused");
    assertThat(flags.values).containsEntry(HeapRelease.MIN_FREE, "40").containsEntry(HeapRelease.MAX_FREE, "70");
  }

  @Test
  void onThisJvmTheFlagsAreBackWhereTheyWere() {
    HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String min = bean.getVMOption(HeapRelease.MIN_FREE).getValue();
    String max = bean.getVMOption(HeapRelease.MAX_FREE).getValue();
    List<String> seen = new ArrayList<>();
    boolean lowered = HeapRelease.collect(HeapRelease.hotSpot(), () -> seen.add(
        bean.getVMOption(HeapRelease.MIN_FREE).getValue() + "–" + bean.getVMOption(HeapRelease.MAX_FREE).getValue()));
    // the test JVM runs with the defaults, so the collection saw the lowered bounds
    assertThat(lowered).isTrue();
    assertThat(seen).containsExactly("10–30");
    assertThat(bean.getVMOption(HeapRelease.MIN_FREE).getValue()).isEqualTo(min);
    assertThat(bean.getVMOption(HeapRelease.MAX_FREE).getValue()).isEqualTo(max);
  }
}
