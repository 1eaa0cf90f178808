package cn.jiyuan.decisionreview.rules;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The DMN engine configuration the process engine will build its DMN engine from, made once and shared. */
final class DmnEngineConfigurations {

  private DmnEngineConfigurations() {
  }

  /**
   * The configuration set on the process engine's, or a default one now set there, so that several plugins' changes
   * (FEEL, transformer) go to the same one; the engine adds its own settings to it when it builds.
   */
  static DefaultDmnEngineConfiguration of(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setDmnEngineConfiguration(dmn);
    return dmn;
  }
}
