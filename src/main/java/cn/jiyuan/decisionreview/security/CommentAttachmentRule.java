package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.shared.Groups;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Who may write comments and attachments. The engine stores them for anyone who can name a
 * task (AddCommentCmd and CreateAttachmentCmd check nothing), so read-only roles could annotate other units'
 * work. Here: only the task's assignee, its candidate users or candidate groups, or {@code camunda-admin};
 * changing or deleting a comment additionally needs its author. Without a task (comments or attachments on
 * a process instance) the caller must be a participant of one of the instance's open tasks.
 *
 * <p>One rule for both entry points: the engine command interceptor and the REST pre-check.
 */
public final class CommentAttachmentRule {

  public enum Kind { ADD_COMMENT, CHANGE_COMMENT, ADD_ATTACHMENT, CHANGE_ATTACHMENT }

  /**
   * One intended write. {@code commentId} null with {@link Kind#CHANGE_COMMENT} means "all comments";
   * {@code processInstanceId} is the instance named by the caller, which must match the task's.
   */
  public record Write(Kind kind, String taskId, String processInstanceId, String commentId, String attachmentId) {}

  private CommentAttachmentRule() {}

  /** Null when allowed, otherwise the Chinese reason. Runs inside a command (reads entities directly). */
  public static String refusal(CommandContext ctx, String userId, List<String> groupIds, Write write) {
    if (userId == null) {
      return null; // the engine itself (listeners, jobs), not a person
    }
    if (groupIds != null && groupIds.contains(Groups.CAMUNDA_ADMIN)) {
      return null;
    }
    String taskId = write.taskId();
    String processInstanceId = write.processInstanceId();
    if (write.kind() == Kind.CHANGE_ATTACHMENT && write.attachmentId() != null) {
      AttachmentEntity attachment = ctx.getDbEntityManager().selectById(AttachmentEntity.class, write.attachmentId());
      if (attachment == null) {
        return null; // nothing to change: the engine answers "not found" itself
      }
      if (taskId != null && attachment.getTaskId() != null && !taskId.equals(attachment.getTaskId())) {
        return null; // the engine refuses a mismatch itself
      }
      taskId = attachment.getTaskId();
      processInstanceId = attachment.getProcessInstanceId();
    }
    String thing = switch (write.kind()) {
      case ADD_COMMENT, CHANGE_COMMENT -> "评论";
      case ADD_ATTACHMENT, CHANGE_ATTACHMENT -> "附件";
    };
    if (taskId != null) {
      TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return "任务不存在或已办结，不能再添加或修改" + thing + "。";
      }
      if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
        return thing + "所属的流程实例与任务不一致。";
      }
      if (!isParticipant(ctx, task, userId, groupIds)) {
        return "只有任务的办理人、候选人或候选单位可以添加或修改" + thing + "；您只能查看。";
      }
    } else if (processInstanceId != null) {
      boolean participant = ctx.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
          .anyMatch(task -> isParticipant(ctx, task, userId, groupIds));
      if (!participant) {
        return "只有该流程中在办任务的办理人、候选人或候选单位可以添加或修改" + thing + "；您只能查看。";
      }
    } else {
      return null; // neither task nor instance: the engine refuses the call itself
    }
    if (write.kind() == Kind.CHANGE_COMMENT && !ownsComments(ctx, userId, write.taskId(), write.processInstanceId(),
        write.commentId())) {
      return "只能修改或删除自己发表的评论。";
    }
    return null;
  }

  static boolean isParticipant(CommandContext ctx, Task task, String userId, List<String> groupIds) {
    if (userId.equals(task.getAssignee())) {
      return true;
    }
    for (IdentityLinkEntity link : ctx.getIdentityLinkManager().findIdentityLinksByTaskId(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groupIds != null
          && groupIds.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean ownsComments(CommandContext ctx, String userId, String taskId, String processInstanceId,
      String commentId) {
    List<Comment> comments;
    if (commentId != null) {
      CommentEntity comment = taskId != null
          ? ctx.getCommentManager().findCommentByTaskIdAndCommentId(taskId, commentId)
          : ctx.getCommentManager().findCommentByProcessInstanceIdAndCommentId(processInstanceId, commentId);
      if (comment == null) {
        return true; // nothing of anyone else's is touched; the engine answers "not found"
      }
      comments = List.of(comment);
    } else {
      comments = taskId != null ? ctx.getCommentManager().findCommentsByTaskId(taskId)
          : ctx.getCommentManager().findCommentsByProcessInstanceId(processInstanceId);
    }
    return comments.stream().allMatch(c -> Objects.equals(userId, c.getUserId()));
  }
}
