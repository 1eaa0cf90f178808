package cn.jiyuan.decisionreview.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives back the memory start-up used and no longer needs. Start-up — the engine's MyBatis mappings,
 * the deployment, in the demo profile the demo evaluations with their Word reports — leaves the heap committed at its
 * peak, mostly garbage, and G1 returns committed memory to the system only after a full collection, which an idle
 * server does not otherwise run. One collection once everything is started, before the ready line, with the heap's
 * free-space bounds lowered for it ({@link HeapRelease}), lowers the resident size for as long as the server stays
 * this idle (measured, demo: 718 MB before, 643–650 MB after a collection with the JVM's bounds, 434 MB with the
 * lowered ones; the heap grows again as soon as work needs it). It pauses the JVM once, for a fraction
 * of a second, after the first requests can already be answered; {@code decision-review.startup.release-memory: false}
 * turns it off (the tests do: many contexts share one JVM).
 */
@Component
public class StartupMemory {

  private static final Logger LOG = LoggerFactory.getLogger(StartupMemory.class);

  private final boolean enabled;

  public StartupMemory(@Value("${decision-review.startup.release-memory:true}") boolean enabled) {
    this.enabled = enabled;
  }

  /** Before {@link StartupAnnouncement}: readiness is announced after every ApplicationReadyEvent listener (demo data). */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE - 1)
  public void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
    if (!enabled || event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
      return;
    }
    long before = committedHeapMb();
    HeapRelease.collect(HeapRelease.hotSpot(), System::gc); // System.gc is a no-op under -XX:+DisableExplicitGC, which is fine
    LOG.info("启动完成，已释放启动过程占用的内存：堆 {} MB → {} MB", before, committedHeapMb());
  }

  private static long committedHeapMb() {
    return Runtime.getRuntime().totalMemory() / (1024 * 1024);
  }
}
