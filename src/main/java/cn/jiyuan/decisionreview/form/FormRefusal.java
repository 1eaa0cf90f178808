package cn.jiyuan.decisionreview.form;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Collects the broken rules of one submission. {@link #throwIfAny()} throws the engine's
 * {@link FormFieldValidationException}: REST answers 400, Tasklist shows the Chinese message next to the field and
 * the submit button, the transaction rolls back, and the task stays open.
 */
public final class FormRefusal {

  private final List<Problem> problems = new ArrayList<>();

  /** One broken rule: the variable it concerns and what is wrong, in Chinese. */
  public record Problem(String field, String message) {}

  public FormRefusal require(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  public FormRefusal add(String field, String message) {
    problems.add(new Problem(field, asText(message)));
    return this;
  }

  /** A message may echo what the user typed; it must stay text wherever a client renders it (Tasklist's toast is HTML). */
  static String asText(String message) {
    return message == null ? null : message.replace('<', '＜').replace('>', '＞');
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> problems() {
    return problems.stream().map(Problem::message).toList();
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new Refused(List.copyOf(problems));
    }
  }

  /**
   * The engine's {@link FormFieldValidationException} (REST answers 400 with the joined Chinese message) that also
   * keeps each problem with its variable, so that Tasklist can show it next to the field (see {@link RefusalDetails}).
   */
  public static final class Refused extends FormFieldValidationException {

    private final List<Problem> problems;

    Refused(List<Problem> problems) {
      super(problems.get(0).field(), String.join("；", problems.stream().map(Problem::message).toList()) + "。");
      this.problems = problems;
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
