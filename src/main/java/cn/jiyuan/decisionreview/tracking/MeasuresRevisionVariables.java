package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.time.LocalDate;

/** The variables of {@code measures-revision} (Art. 27), which its form prints. */
public final class MeasuresRevisionVariables {

  private MeasuresRevisionVariables() {}

  public static final ProcessVariable<String> MEASURES_NAME = ProcessVariable.text("measuresName");
  public static final ProcessVariable<String> MEASURES_DOCUMENT_NUMBER = ProcessVariable.text("measuresDocumentNumber");
  public static final ProcessVariable<LocalDate> MEASURES_EXPIRES = ProcessVariable.date("measuresExpires");
}
