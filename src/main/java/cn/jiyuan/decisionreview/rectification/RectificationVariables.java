package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.Material;
import cn.jiyuan.decisionreview.shared.EvaluationHandOver;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The variables of process {@code rectification} (整改事项办理), one instance per rectification item: set when the
 * item is created from the approved report, then written by 落实整改事项 and 整改情况审核.
 */
public final class RectificationVariables {

  private RectificationVariables() {}

  // --- set at the start (the item, from the approved report) ---
  public static final ProcessVariable<String> ITEM_ID = ProcessVariable.text("rectificationItemId");
  public static final ProcessVariable<String> EVALUATION_INSTANCE_ID = ProcessVariable.text("evaluationInstanceId");
  /** The same names as the evaluation's, so the 督办 page, notifications and Cockpit's title search read them. */
  public static final ProcessVariable<String> DECISION_NUMBER = EvaluationHandOver.DECISION_NUMBER;
  public static final ProcessVariable<String> DECISION_TITLE = EvaluationHandOver.DECISION_TITLE;
  /** The group that carries the item out: candidate group of 落实整改事项. */
  public static final ProcessVariable<String> RESPONSIBLE_UNIT = ProcessVariable.text("responsibleUnit");
  public static final ProcessVariable<String> RESPONSIBLE_UNIT_NAME = ProcessVariable.text("responsibleUnitName");
  public static final ProcessVariable<Integer> ITEM_NO = ProcessVariable.integer("rectificationNo");
  public static final ProcessVariable<String> ITEM_TEXT = ProcessVariable.text("rectificationText");
  public static final ProcessVariable<String> KIND_LABEL = ProcessVariable.text("rectificationKindLabel");
  public static final ProcessVariable<Integer> DEADLINE_WORKING_DAYS = ProcessVariable.integer("rectificationWorkingDays");
  /** ISO 8601 with +08:00: the due date of 落实整改事项 ({@code camunda:dueDate}), the item's deadline. */
  public static final ProcessVariable<String> DUE_AT = ProcessVariable.text("rectificationDueAt");
  /** ISO 8601 with +08:00: the follow-up (reminder) date, the taskDeadline table's lead before the due date. */
  public static final ProcessVariable<String> REMIND_AT = ProcessVariable.text("rectificationRemindAt");
  /** yyyy-MM-dd for the forms. */
  public static final ProcessVariable<String> DUE_DATE_TEXT = ProcessVariable.text("rectificationDueDate");

  // --- 落实整改事项 (the responsible unit) ---
  public static final ProcessVariable<String> MEASURES = ProcessVariable.text("rectificationMeasures");
  /** 佐证材料说明: what the files are, or where further evidence is kept (optional beside the files). */
  public static final ProcessVariable<String> EVIDENCE = ProcessVariable.text("rectificationEvidence");
  /** rectificationEvidenceFile1 … 5 (File): the form's upload slots, emptied into the evidence store on completion. */
  public static final String EVIDENCE_FILE_PREFIX = "rectificationEvidenceFile";
  public static final int EVIDENCE_FILE_SLOTS = cn.jiyuan.decisionreview.shared.UploadLimits.MAX_FILES_PER_FORM;
  /** The item's stored evidence files (every round), with download links, for both forms. */
  public static final ProcessVariable<List<Material>> EVIDENCE_FILES =
      ProcessVariable.jsonList("rectificationEvidenceFiles", Material.class);
  public static final ProcessVariable<UnitStatus> UNIT_STATUS =
      ProcessVariable.enumerated("rectificationStatus", UnitStatus.class);
  public static final ProcessVariable<String> UNIT_REASON = ProcessVariable.text("rectificationReason");
  public static final ProcessVariable<String> UNIT_STATUS_LABEL = ProcessVariable.text("rectificationStatusLabel");

  // --- 整改情况审核 (legal-affairs) ---
  public static final ProcessVariable<ReviewOutcome> REVIEW_OUTCOME =
      ProcessVariable.enumerated("rectificationReviewOutcome", ReviewOutcome.class);
  public static final ProcessVariable<String> REVIEW_REMARK = ProcessVariable.text("rectificationReviewRemark");
  public static final ProcessVariable<Integer> RETURN_COUNT = ProcessVariable.integer("rectificationReturnCount");

  public static List<String> evidenceFileSlots() {
    return IntStream.rangeClosed(1, EVIDENCE_FILE_SLOTS).mapToObj(n -> EVIDENCE_FILE_PREFIX + n).toList();
  }
}
