package cn.jiyuan.decisionreview.evaluation.files;

import cn.jiyuan.decisionreview.form.FormRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;

/**
 * The files a form submitted in its file slots (variables of type File): the evaluation's materials and revised
 * report, a rectification item's evidence.
 */
public final class Uploads {

  private Uploads() {}

  /** The files in the given slots; a file whose name or content the rules refuse is added to {@code refusal}. */
  public static List<FileValue> checked(VariableScope scope, List<String> slots, Set<String> allowed, FormRefusal refusal) {
    List<FileValue> found = new ArrayList<>();
    for (String slot : slots) {
      if (scope.getVariableTyped(slot) instanceof FileValue file && file.getValue() != null) {
        String problem = FileRules.problem(file.getFilename(), bytes(file), allowed);
        if (problem != null) {
          refusal.add(slot, problem);
        } else {
          found.add(file);
        }
      }
    }
    return found;
  }

  /** The files in the given slots, in slot order (the form rules have already checked them). */
  public static List<FileValue> in(VariableScope scope, List<String> slots) {
    List<FileValue> found = new ArrayList<>();
    for (String slot : slots) {
      if (scope.getVariableTyped(slot) instanceof FileValue file && file.getValue() != null) {
        found.add(file);
      }
    }
    return found;
  }

  public static byte[] bytes(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
