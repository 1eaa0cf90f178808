package cn.jiyuan.decisionreview.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Spring keeps one application context per test configuration alive, each with an engine named "default" on the
 * same database. The engine REST API finds its engine in Camunda's static registry, where the last engine started
 * wins, so a test that sends REST calls to its own context could be served by another context's engine (other
 * settings, other caches). These tests put their own engine back first.
 */
final class OwnEngine {

  private OwnEngine() {}

  static void serveRestWith(ProcessEngine engine) {
    if (ProcessEngines.getProcessEngine(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
