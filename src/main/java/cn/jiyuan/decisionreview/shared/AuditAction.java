package cn.jiyuan.decisionreview.shared;

/**
 * The stable codes of the Art. 24 audit trail ({@code GET /api/evaluations/{id}/audit}, field {@code action}), each
 * with the Chinese label the workbook prints. Codes never change meaning; new kinds get new codes.
 */
public enum AuditAction {
  EVALUATION_REQUESTED("申请评估"),
  PROCESS_STARTED("评估启动"),
  PROCESS_ENDED("评估结束"),
  TASK_CREATED("任务创建"),
  TASK_CANDIDATE_ADDED("添加候选办理人"),
  TASK_CANDIDATE_REMOVED("移除候选办理人"),
  TASK_CLAIMED("认领任务"),
  TASK_ASSIGNED("指派任务"),
  TASK_UNASSIGNED("取消办理人"),
  TASK_DELEGATED("委托任务"),
  TASK_COMPLETED("完成任务"),
  TASK_CANCELLED("任务撤销"),
  TASK_REFUSED("提交被拒绝"),
  VARIABLE_WRITTEN("写入数据"),
  VARIABLE_REMOVED("删除数据"),
  FILE_UPLOADED("上传文件"),
  FILE_DOWNLOADED("下载文件"),
  REPORT_GENERATED("生成评估报告"),
  REPORT_REPLACED("更新评估报告"),
  COMMENT_ADDED("发表评论"),
  COMMENT_CHANGED("修改评论"),
  COMMENT_DELETED("删除评论"),
  AUTHORITY_RESOLUTION("决策机关审定"),
  ACCESS_GRANTED("授予查阅权限"),
  ESCALATED("逾期督办"),
  ENGINE_OPERATION("其他操作");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
