package cn.jiyuan.decisionreview.form;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task or execution listener (ENGINE-03051). A form refusal
 * thrown there must reach the caller as what it is — a {@link FormFieldValidationException} — so that
 * the engine REST API and the webapps' API answer 400 with the Chinese message instead of a 500. This
 * interceptor sits outside the transaction, so the work is already rolled back when it unwraps.
 */
@Component
public class FormRefusalUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Unwrapper());
  }

  static final class Unwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        FormFieldValidationException refusal = find(e);
        if (refusal != null) {
          RefusalDetails.record(refusal);
        }
        throw refusal != null ? refusal : e;
      }
    }
  }

  static FormFieldValidationException find(Throwable t) {
    for (Throwable cause = t; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
