package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.shared.FormValues;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One member of the evaluation team in {@code teamMembers} (Art. 4, 11(1)), as the form's dynamic list submits it.
 * The two declarations keep the submitted value as sent, so the server-side rule can tell {@code true} from
 * {@code "maybe"}; code reads them through {@link #declaredIndependent()} and {@link #declaredConflict()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamMember(String name, String organisation, String category, String contact,
    Object independenceDeclared, Object hasConflict, String conflictDescription) {

  /** A member who declared independence and no conflict, as the form-team form submits one. */
  public static TeamMember independent(String name, String organisation, String category, String contact) {
    return new TeamMember(name, organisation, category, contact, true, false, null);
  }

  public boolean declaredIndependent() {
    return FormValues.isTrue(independenceDeclared);
  }

  public boolean declaredConflict() {
    return FormValues.isTrue(hasConflict);
  }

  /** Both declarations are missing or a real yes/no. */
  public boolean declarationsAreYesOrNo() {
    return FormValues.isBooleanOrBlank(independenceDeclared) && FormValues.isBooleanOrBlank(hasConflict);
  }
}
