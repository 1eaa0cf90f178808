package cn.jiyuan.decisionreview.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Spring keeps one application context per test configuration alive, each with an engine named "default". The
 * engine REST API and the webapps (Tasklist, Cockpit) find their engine by name in Camunda's static registry, where
 * the engine started last wins, so a test could be served by another context's engine (other settings, other
 * caches, another job executor). Before each test the engine of the test's own context is put back in the registry.
 * Registered for every test in {@code META-INF/spring.factories}.
 */
public class EngineOfTheTest implements TestExecutionListener {

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    ProcessEngine engine = context.getBeanProvider(ProcessEngine.class).getIfAvailable();
    if (engine != null && ProcessEngines.getProcessEngine(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
