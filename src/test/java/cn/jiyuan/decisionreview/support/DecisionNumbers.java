package cn.jiyuan.decisionreview.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decision numbers for tests: canonical (no leading zero, which the registry would strip) and unique within a run,
 * so tests sharing one database (every IT context on PostgreSQL) never register the same number twice.
 */
public final class DecisionNumbers {

  // a random base keeps separate JVMs (the isolated ITs) apart as well
  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

  private DecisionNumbers() {}

  public static String unique() {
    return "济政〔2026〕" + NEXT.getAndIncrement() + "号";
  }
}
