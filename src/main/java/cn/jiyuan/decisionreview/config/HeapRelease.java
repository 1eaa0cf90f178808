package cn.jiyuan.decisionreview.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * One full collection after which the collector keeps little more heap committed than is live. By default G1 (and
 * Serial) shrink the heap after a full collection only down to where 70% of it is free ({@code MaxHeapFreeRatio}):
 * about 3.3× the live set, which an idle server then holds for as long as it stays idle. For this one collection the
 * bounds are lowered ({@link #MIN_FREE_PERCENT}–{@link #MAX_FREE_PERCENT}), and restored right after, so that from then
 * on the heap grows and shrinks as the JVM's own settings say. Both flags are manageable at run time in HotSpot; when
 * an operator set either on the command line, or the JVM has no such flags, the collection runs with the JVM's
 * bounds unchanged.
 */
final class HeapRelease {

  static final String MIN_FREE = "MinHeapFreeRatio";
  static final String MAX_FREE = "MaxHeapFreeRatio";
  static final String MIN_FREE_PERCENT = "10";
  static final String MAX_FREE_PERCENT = "30";

  /** The JVM's flags, as far as this needs them (a seam for the tests). */
  interface Flags {
    /** The flag's value, or null when the operator set it or it cannot be changed at run time. */
    String defaultValue(String name);

    void set(String name, String value);
  }

  private HeapRelease() {}

  /** Collects with the lowered bounds; true when they applied. */
  static boolean collect(Flags flags, Runnable gc) {
    String min = flags.defaultValue(MIN_FREE);
    String max = flags.defaultValue(MAX_FREE);
    if (min == null || max == null) {
      gc.run();
      return false;
    }
    // min ≤ max must hold after every single change: lower the minimum first, raise the maximum first
    flags.set(MIN_FREE, MIN_FREE_PERCENT);
    try {
      flags.set(MAX_FREE, MAX_FREE_PERCENT);
      try {
        gc.run();
      } finally {
        flags.set(MAX_FREE, max);
      }
    } finally {
      flags.set(MIN_FREE, min);
    }
    return true;
  }

  /** HotSpot's flags through its diagnostic bean; none elsewhere. */
  static Flags hotSpot() {
    HotSpotDiagnosticMXBean bean;
    try {
      bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    } catch (RuntimeException | LinkageError notHotSpot) {
      bean = null;
    }
    HotSpotDiagnosticMXBean diagnostic = bean;
    return new Flags() {
      @Override
      public String defaultValue(String name) {
        if (diagnostic == null) {
          return null;
        }
        try {
          VMOption option = diagnostic.getVMOption(name);
          return option.isWriteable() && option.getOrigin() == VMOption.Origin.DEFAULT ? option.getValue() : null;
        } catch (IllegalArgumentException unknown) {
          return null;
        }
      }

      @Override
      public void set(String name, String value) {
        diagnostic.setVMOption(name, value);
      }
    };
  }
}
