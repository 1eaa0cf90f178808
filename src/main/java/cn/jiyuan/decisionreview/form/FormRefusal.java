package cn.jiyuan.decisionreview.form;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Collects the broken rules of one submission. {@link #throwIfAny()} throws the engine's
 * {@link FormFieldValidationException}: REST answers 400, Tasklist shows the Chinese message, the
 * transaction rolls back, and the task stays open.
 */
public final class FormRefusal {

  private final List<String> problems = new ArrayList<>();
  private String firstField;

  public FormRefusal require(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  public FormRefusal add(String field, String message) {
    if (firstField == null) {
      firstField = field;
    }
    problems.add(message);
    return this;
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(firstField, String.join("；", problems) + "。");
    }
  }
}
