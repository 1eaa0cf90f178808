package cn.jiyuan.decisionreview.rectification;

/**
 * One rectification item as the APIs show it (README "Follow-through"): codes with their Chinese labels, dates
 * {@code yyyy-MM-dd} and times ISO 8601 in Beijing time.
 */
public record RectificationView(String id, String evaluationProcessInstanceId, String rectificationProcessInstanceId,
    String decisionNumber, int no, String text, String originalText, String authorityDecision,
    String authorityDecisionLabel, String responsibleUnit, String responsibleUnitName, String kind, String kindLabel,
    int deadlineWorkingDays, String dueDate, String status, String statusLabel, boolean overdue, String unitStatus,
    String unitStatusLabel, String unitReason, String measures, String reviewOutcome, String reviewRemark,
    int returnCount, String createdAt, String reportedAt, String closedAt) {}
