package cn.jiyuan.decisionreview.audit;

/**
 * One line of {@code GET /api/evaluations/{id}/audit} (HTTP API, contract: {@code time, userId, userName, action,
 * target, details}; {@code actionLabel} is an extra). {@code time} is ISO 8601 in Beijing time; {@code userId} is
 * null for the system's own steps, whose {@code userName} is 系统; {@code action} is a stable code of
 * {@link cn.jiyuan.decisionreview.shared.AuditAction}.
 */
public record AuditEntry(String time, String userId, String userName, String action, String actionLabel,
    String target, String details) {}
