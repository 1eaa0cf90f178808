package cn.jiyuan.decisionreview.audit;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.EVALUATION_OUTCOME;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.EVALUATION_REPORT;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.EVALUATION_TYPE;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.LEGAL_BASIS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.OUTCOME_REASONS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.REPORT_DECISION;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.REPORT_RETURN_COMMENTS;

import cn.jiyuan.decisionreview.deadline.EscalationLog;
import cn.jiyuan.decisionreview.evaluation.ReviewDecision;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.AuditAction;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.TrackingCodes;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * Art. 24: who did what and when in one evaluation, put together from the engine history (history level full: the
 * process and its tasks, the identity link log, every variable revision with the user operation that wrote it, the
 * user operation log, comments) and the project's own records (downloads, refused submissions and grants in
 * {@code dr_audit_record}, escalations in {@code dr_escalation}). Read-only: nothing here writes.
 */
@Service
public class AuditTrail {

  static final String SYSTEM = "系统";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BeijingClock.ZONE);
  private static final int MAX_VALUE = 1000;
  /** Identity links written in the same transaction as the task (its candidates from the model). */
  private static final long CREATION_WINDOW_MS = 2000;
  /** Operations the trail shows from their own sources (tasks, identity links, variable revisions, comments). */
  private static final Set<String> SHOWN_ELSEWHERE = Set.of(UserOperationLogEntry.OPERATION_TYPE_CLAIM,
      UserOperationLogEntry.OPERATION_TYPE_ASSIGN, UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
      UserOperationLogEntry.OPERATION_TYPE_ADD_USER_LINK, UserOperationLogEntry.OPERATION_TYPE_DELETE_USER_LINK,
      UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK, UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK,
      UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLES,
      UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE, UserOperationLogEntry.OPERATION_TYPE_CREATE,
      UserOperationLogEntry.OPERATION_TYPE_ADD_ATTACHMENT, UserOperationLogEntry.OPERATION_TYPE_SET_OWNER);

  private final HistoryService historyService;
  private final TaskService taskService;
  private final AuditRecords records;
  private final EscalationLog escalations;
  private final Directory directory;
  private final SystemCalls system;
  private final VariableLabels labels;

  AuditTrail(HistoryService historyService, TaskService taskService, AuditRecords records,
      EscalationLog escalations, Directory directory, SystemCalls system, VariableLabels labels) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.records = records;
    this.escalations = escalations;
    this.directory = directory;
    this.system = system;
    this.labels = labels;
  }

  /** The evaluation's trail, oldest first; entries of the same moment keep the order in which they happened. */
  public List<AuditEntry> of(String processInstanceId) {
    return system.run(() -> new Builder(processInstanceId).build());
  }

  /** One entry before it is rendered: the instant keeps the sort exact. */
  private record Raw(Instant time, String userId, AuditAction action, String target, String details) {}

  private final class Builder {
    private final String pid;
    private final List<Raw> raws = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    /** operation id → the user who ran it, and the task it concerned. */
    private final Map<String, UserOperationLogEntry> operations = new HashMap<>();

    Builder(String pid) {
      this.pid = pid;
    }

    List<AuditEntry> build() {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(pid)
          .singleResult();
      if (instance == null) {
        return List.of();
      }
      historyService.createHistoricTaskInstanceQuery().processInstanceId(pid).orderByHistoricActivityInstanceStartTime()
          .asc().list().forEach(t -> tasks.put(t.getId(), t));
      List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery().processInstanceId(pid)
          .orderByTimestamp().asc().list();
      log.forEach(e -> operations.putIfAbsent(e.getOperationId(), e));

      request(instance);
      add(instance.getStartTime(), instance.getStartUserId(), AuditAction.PROCESS_STARTED, instance.getBusinessKey(),
          "跟踪反馈与后评估启动（决策文号 " + Objects.toString(instance.getBusinessKey(), "") + "）");
      tasks(log);
      variables();
      comments();
      engineOperations(log);
      projectRecords();
      if (instance.getEndTime() != null) {
        add(instance.getEndTime(), null, AuditAction.PROCESS_ENDED, instance.getBusinessKey(),
            "评估流程结束（" + ("COMPLETED".equals(instance.getState()) ? "正常办结" : "被终止：" + instance.getDeleteReason())
                + "）");
      }
      List<Raw> sorted = new ArrayList<>(raws);
      sorted.sort(Comparator.comparing(Raw::time)); // stable: same-moment entries keep their order
      return sorted.stream().map(r -> new AuditEntry(TIME.format(r.time()), r.userId(), name(r.userId()),
          r.action().name(), r.action().label(), r.target(), r.details())).toList();
    }

    private void add(Date time, String userId, AuditAction action, String target, String details) {
      if (time != null) {
        raws.add(new Raw(time.toInstant(), userId, action, target, details));
      }
    }

    private String name(String userId) {
      return userId == null ? SYSTEM : names.computeIfAbsent(userId, directory::userName);
    }

    private String taskName(String taskId) {
      HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
      return task == null ? null : task.getName();
    }

    private void tasks(List<UserOperationLogEntry> log) {
      Map<String, String> completedBy = new HashMap<>();
      for (UserOperationLogEntry e : log) {
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(e.getOperationType()) && e.getTaskId() != null) {
          completedBy.putIfAbsent(e.getTaskId(), e.getUserId());
        }
      }
      for (HistoricTaskInstance task : tasks.values()) {
        String name = task.getName();
        List<String> offeredTo = new ArrayList<>();
        List<HistoricIdentityLinkLog> later = new ArrayList<>();
        for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
            .orderByTime().asc().list()) {
          // the candidates the model gives the task when it is created belong to its creation
          if (later.isEmpty() && IdentityLinkType.CANDIDATE.equals(link.getType()) && "add".equals(link.getOperationType())
              && Math.abs(link.getTime().getTime() - task.getStartTime().getTime()) <= CREATION_WINDOW_MS) {
            offeredTo.add(who(link));
          } else {
            later.add(link);
          }
        }
        add(task.getStartTime(), null, AuditAction.TASK_CREATED, name, "任务“" + name + "”生成"
            + (offeredTo.isEmpty() ? "" : "，候选办理人：" + String.join("、", offeredTo))
            + (task.getAssignee() != null && later.isEmpty() ? "，办理人：" + name(task.getAssignee()) : "")
            + (task.getDueDate() == null ? "" : "，办理期限 " + TIME.format(task.getDueDate().toInstant())));
        later.forEach(link -> identityLink(name, link));
        if (task.getEndTime() != null) {
          if ("completed".equals(task.getDeleteReason())) {
            String by = completedBy.getOrDefault(task.getId(), task.getAssignee());
            add(task.getEndTime(), by, AuditAction.TASK_COMPLETED, name, "办结任务“" + name + "”");
          } else {
            add(task.getEndTime(), null, AuditAction.TASK_CANCELLED, name, "任务“" + name + "”未办理即结束（"
                + Objects.toString(task.getDeleteReason(), "流程已转入其他环节") + "）");
          }
        }
      }
    }

    private void identityLink(String taskName, HistoricIdentityLinkLog link) {
      boolean added = "add".equals(link.getOperationType());
      String assigner = link.getAssignerId();
      if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
        String assignee = link.getUserId();
        if (!added) {
          add(link.getTime(), assigner, AuditAction.TASK_UNASSIGNED, taskName,
              "“" + taskName + "”不再由" + name(assignee) + "办理");
        } else if (assignee != null && assignee.equals(assigner)) {
          add(link.getTime(), assigner, AuditAction.TASK_CLAIMED, taskName, name(assignee) + "认领任务“" + taskName + "”");
        } else {
          add(link.getTime(), assigner, AuditAction.TASK_ASSIGNED, taskName,
              "任务“" + taskName + "”指派给" + name(assignee) + "（" + assignee + "）");
        }
      } else if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        String who = who(link);
        add(link.getTime(), assigner, added ? AuditAction.TASK_CANDIDATE_ADDED : AuditAction.TASK_CANDIDATE_REMOVED,
            taskName, (added ? "候选办理人增加" : "候选办理人移除") + who + "（任务“" + taskName + "”）");
      }
    }

    private String who(HistoricIdentityLinkLog link) {
      return link.getGroupId() != null ? "用户组“" + directory.groupName(link.getGroupId()) + "”（" + link.getGroupId() + "）"
          : name(link.getUserId()) + "（" + link.getUserId() + "）";
    }

    /**
     * A requested evaluation (type TRIGGERED) names no request, but its decision and article do: the latest
     * evaluation-request for the same decision with the same legal basis started before it is the one that started it.
     */
    private void request(HistoricProcessInstance instance) {
      Map<String, Object> own = variablesOf(pid);
      if (!"TRIGGERED".equals(own.get(EVALUATION_TYPE.name())) || instance.getBusinessKey() == null) {
        return;
      }
      for (HistoricProcessInstance request : historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProcessKeys.EVALUATION_REQUEST).processInstanceBusinessKey(instance.getBusinessKey())
          .startedBefore(instance.getStartTime()).orderByProcessInstanceStartTime().desc().list()) {
        Map<String, Object> vars = variablesOf(request.getId());
        if (Objects.equals(vars.get(TrackingVariables.LEGAL_BASIS.name()), own.get(LEGAL_BASIS.name()))) {
          Object reason = vars.get(TrackingVariables.REQUEST_REASON.name());
          add(request.getStartTime(), request.getStartUserId(), AuditAction.EVALUATION_REQUESTED, request.getId(),
              "申请启动跟踪反馈与后评估（" + Objects.toString(own.get(LEGAL_BASIS.name()), "") + "）：理由“"
                  + EvaluationCodes.label(TrackingCodes.REQUEST_REASONS, reason) + "”，说明“"
                  + Objects.toString(vars.get(TrackingVariables.REQUEST_DESCRIPTION.name()), "") + "”（评估申请流程 "
                  + request.getId() + "）");
          return;
        }
      }
    }

    private Map<String, Object> variablesOf(String processInstanceId) {
      Map<String, Object> values = new HashMap<>();
      historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
          .disableBinaryFetching().disableCustomObjectDeserialization().list()
          .forEach(v -> values.putIfAbsent(v.getName(), v.getValue()));
      return values;
    }

    private void variables() {
      List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(pid).variableUpdates()
          .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list();
      Map<String, String> previous = new HashMap<>();
      Map<String, Integer> reportVersions = new HashMap<>();
      Map<String, Map<String, String>> resolutionByOperation = new LinkedHashMap<>();
      for (HistoricDetail detail : details) {
        if (!(detail instanceof HistoricVariableUpdate update)) {
          continue;
        }
        String name = update.getVariableName();
        String value = text(update);
        String old = previous.put(update.getVariableInstanceId(), value);
        UserOperationLogEntry operation = update.getUserOperationId() == null ? null
            : operations.get(update.getUserOperationId());
        String user = operation == null ? null : operation.getUserId();
        String taskName = taskName(operation == null || operation.getTaskId() == null ? update.getTaskId()
            : operation.getTaskId());
        String where = taskName == null ? "" : "（任务“" + taskName + "”）";
        if (EVALUATION_REPORT.equals(name) && value != null) {
          int version = reportVersions.merge(update.getVariableInstanceId(), 1, Integer::sum);
          add(update.getTime(), user, version == 1 ? AuditAction.REPORT_GENERATED : AuditAction.REPORT_REPLACED, value,
              (version == 1 ? "生成评估报告第 1 版“" + value + "”"
                  : "生成评估报告第 " + version + " 版“" + value + "”，取代第 " + (version - 1) + " 版“" + old + "”") + where);
          continue;
        }
        if (update.getTypedValue() instanceof FileValue && value != null) {
          add(update.getTime(), user, AuditAction.FILE_UPLOADED, value, "上传文件“" + value + "”作为" + labels.describe(name) + where);
          continue;
        }
        add(update.getTime(), user, AuditAction.VARIABLE_WRITTEN, name, Objects.equals(old, value) && old != null
            ? labels.describe(name) + "重新写入，值未变：“" + value + "”" + where
            : labels.describe(name) + "由“" + (old == null ? "（无）" : old) + "”改为“" + (value == null ? "（空）" : value) + "”"
                + where);
        if (operation != null && TaskKeys.AUTHORITY_APPROVAL.equals(taskKey(operation.getTaskId()))) {
          resolutionByOperation.computeIfAbsent(update.getUserOperationId(), k -> new LinkedHashMap<>()).put(name, value);
        }
      }
      resolutionByOperation.forEach((operationId, values) -> resolution(operations.get(operationId), values));
    }

    private String taskKey(String taskId) {
      HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
      return task == null ? null : task.getTaskDefinitionKey();
    }

    /** The authority's 审定 as one line: its decision, the outcome and the reasons (or the return comments). */
    private void resolution(UserOperationLogEntry operation, Map<String, String> values) {
      String decision = values.get(REPORT_DECISION.name());
      if (decision == null) {
        return;
      }
      StringBuilder text = new StringBuilder("审定结论：");
      text.append(ReviewDecision.APPROVE.name().equals(decision) ? "审定通过" : "退回修改");
      if (values.get(EVALUATION_OUTCOME.name()) != null) {
        text.append("；处理决定：").append(EvaluationCodes.label(EvaluationCodes.OUTCOMES, values.get(EVALUATION_OUTCOME.name())));
      }
      if (values.get(OUTCOME_REASONS.name()) != null) {
        text.append("；理由：").append(values.get(OUTCOME_REASONS.name()));
      }
      if (values.get(REPORT_RETURN_COMMENTS.name()) != null) {
        text.append("；退回意见：").append(values.get(REPORT_RETURN_COMMENTS.name()));
      }
      add(operation.getTimestamp(), operation.getUserId(), AuditAction.AUTHORITY_RESOLUTION, taskName(operation.getTaskId()),
          text.append("。").toString());
    }

    private void comments() {
      Map<String, Comment> all = new LinkedHashMap<>();
      taskService.getProcessInstanceComments(pid).forEach(c -> all.put(c.getId(), c));
      tasks.keySet().forEach(taskId -> taskService.getTaskComments(taskId).forEach(c -> all.putIfAbsent(c.getId(), c)));
      for (Comment comment : all.values()) {
        String taskName = taskName(comment.getTaskId());
        add(comment.getTime(), comment.getUserId(), AuditAction.COMMENT_ADDED, taskName,
            (taskName == null ? "评论：" : "对任务“" + taskName + "”评论：") + comment.getFullMessage());
      }
    }

    /** Everything else the operation log holds for this instance: comment changes, suspensions, modifications, … */
    private void engineOperations(List<UserOperationLogEntry> log) {
      Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
      for (UserOperationLogEntry e : log) {
        if (!SHOWN_ELSEWHERE.contains(e.getOperationType())) {
          byOperation.computeIfAbsent(e.getOperationId(), k -> new ArrayList<>()).add(e);
        }
      }
      for (List<UserOperationLogEntry> entries : byOperation.values()) {
        UserOperationLogEntry first = entries.get(0);
        String type = first.getOperationType();
        String taskName = taskName(first.getTaskId());
        AuditAction action = switch (type) {
          case UserOperationLogEntry.OPERATION_TYPE_UPDATE_COMMENT -> AuditAction.COMMENT_CHANGED;
          case UserOperationLogEntry.OPERATION_TYPE_DELETE_COMMENT -> AuditAction.COMMENT_DELETED;
          case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> AuditAction.TASK_DELEGATED;
          case UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE -> AuditAction.VARIABLE_REMOVED;
          default -> AuditAction.ENGINE_OPERATION;
        };
        StringBuilder text = new StringBuilder(action == AuditAction.ENGINE_OPERATION ? "引擎操作 " + type : action.label());
        if (taskName != null) {
          text.append("（任务“").append(taskName).append("”）");
        }
        for (UserOperationLogEntry e : entries) {
          if (e.getProperty() != null && (e.getOrgValue() != null || e.getNewValue() != null)) {
            text.append("；").append(e.getProperty()).append("：“").append(Objects.toString(e.getOrgValue(), "（无）"))
                .append("”→“").append(Objects.toString(e.getNewValue(), "（无）")).append("”");
          }
        }
        add(first.getTimestamp(), first.getUserId(), action, taskName != null ? taskName : first.getEntityType(),
            text.toString());
      }
    }

    private void projectRecords() {
      for (AuditRecords.Row row : records.forProcessInstance(pid)) {
        String details = row.details();
        if (row.action() == AuditAction.ACCESS_GRANTED && row.target() != null) {
          String id = row.target().substring(row.target().indexOf(':') + 1);
          String who = row.target().startsWith("group:") ? "用户组“" + directory.groupName(id) + "”（" + id + "）"
              : name(id) + "（" + id + "）";
          details = "授予" + who + "查阅本评估的权限（第二十三条）";
        }
        raws.add(new Raw(row.recordedAt(), row.userId(), row.action(), row.target(), details));
      }
      for (EscalationLog.Escalation e : escalations.forProcessInstance(pid)) {
        String taskName = Objects.toString(taskName(e.taskId()), e.taskId());
        raws.add(new Raw(e.escalatedAt(), null, AuditAction.ESCALATED, taskName, "任务“" + taskName + "”逾期 "
            + e.workingDaysOverdue() + " 个工作日，第 " + e.level() + " 次督办，通知：" + e.recipients()));
      }
    }
  }

  /** A variable value as a person reads it: a file by its name, JSON as written, long text shortened. */
  static String text(HistoricVariableUpdate update) {
    TypedValue typed = update.getTypedValue();
    Object value;
    if (typed instanceof FileValue file) {
      // a step that has stored the file clears the variable: an empty file is no value
      value = file.getFilename() == null || file.getFilename().isBlank() ? null : file.getFilename();
    } else if (typed != null && typed.getValue() == null && update.getValue() == null) {
      return null;
    } else {
      value = update.getValue();
    }
    if (value == null) {
      return null;
    }
    String text = value instanceof Date date ? TIME.format(date.toInstant()) : value.toString();
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…（共 " + text.length() + " 字）";
  }
}
