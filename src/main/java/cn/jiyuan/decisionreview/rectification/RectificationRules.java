package cn.jiyuan.decisionreview.rectification;

import static cn.jiyuan.decisionreview.rectification.RectificationVariables.*;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.FormValues;
import java.util.function.Function;

/**
 * The server-side twin of the rules the two rectification forms state: checked again on completion, so the REST API
 * cannot bypass them. Pure: it sees the submitted variables as a lookup and returns the broken rules.
 */
public final class RectificationRules {

  public static final String IMPLEMENT = "Task_ImplementRectification";
  public static final String REVIEW = "Task_ReviewRectification";

  private RectificationRules() {}

  /**
   * @param evidenceFiles the item's evidence files after this submission: those stored in earlier rounds plus those in
   *     the form's file slots (only 落实整改事项 reads it)
   */
  public static FormRefusal check(String taskKey, Function<String, Object> var, int evidenceFiles) {
    FormRefusal r = new FormRefusal();
    switch (taskKey) {
      case IMPLEMENT -> {
        r.require(MEASURES.of(var) != null, MEASURES.name(), "请填写采取的整改措施");
        UnitStatus status = FormValues.code(var.apply(UNIT_STATUS.name()), UnitStatus.class);
        r.require(status != null, UNIT_STATUS.name(), "请选择整改状态：已完成、部分完成或无法完成");
        if (status == UnitStatus.IMPOSSIBLE || status == UnitStatus.PARTIAL) {
          r.require(UNIT_REASON.of(var) != null, UNIT_REASON.name(),
              status.label() + "时须说明原因及后续安排（第十七条）");
        }
        // what was done is shown by documents; what could not be done needs none (the reason says why)
        if (status == UnitStatus.DONE || status == UnitStatus.PARTIAL) {
          r.require(evidenceFiles > 0, EVIDENCE_FILE_PREFIX + 1, status.label() + "时须上传至少一份佐证材料文件（第十七条）");
        }
        r.require(evidenceFiles <= RectificationEvidence.MAX_FILES, EVIDENCE_FILE_PREFIX + 1,
            "每个整改事项最多保存 " + RectificationEvidence.MAX_FILES + " 份佐证材料，请合并后上传");
      }
      case REVIEW -> {
        ReviewOutcome outcome = FormValues.code(var.apply(REVIEW_OUTCOME.name()), ReviewOutcome.class);
        r.require(outcome != null, REVIEW_OUTCOME.name(), "请选择审核通过或退回继续整改");
        if (outcome == ReviewOutcome.RETURN) {
          r.require(REVIEW_REMARK.of(var) != null, REVIEW_REMARK.name(), "退回时须写明整改不到位之处");
        }
      }
      default -> { }
    }
    return r;
  }
}
