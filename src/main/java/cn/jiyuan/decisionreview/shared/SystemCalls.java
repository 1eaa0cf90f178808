package cn.jiyuan.decisionreview.shared;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine work without the caller's authorization checks, for what the project decides itself:
 * access decisions ("was this user a participant?"), or grants a participant's step must make even though
 * the participant may not administer authorizations. Inside a running command it joins that command.
 */
@Component
public class SystemCalls {

  private final ProcessEngineConfigurationImpl configuration;

  public SystemCalls(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public <T> T run(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
  }

  public void run(Runnable work) {
    run(() -> {
      work.run();
      return null;
    });
  }
}
