package cn.jiyuan.decisionreview.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * A fingerprint of everything a user could change about some process instances, and of the global things a
 * user could create or change (filters, users, groups, authorizations, deployments, instances per process).
 * "A refused call changed nothing" is asserted as: the fingerprint before equals the fingerprint after.
 * Read with the engine's services and no authentication, so it sees everything.
 */
final class EngineState {

  private EngineState() {}

  static String of(ProcessEngine engine, String... processInstanceIds) {
    List<String> lines = new ArrayList<>();
    for (String pid : processInstanceIds) {
      lines.addAll(instance(engine, pid));
    }
    lines.addAll(global(engine));
    return String.join("\n", lines);
  }

  private static List<String> instance(ProcessEngine engine, String pid) {
    List<String> out = new ArrayList<>();
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult();
    out.add("instance " + pid + " running=" + (pi != null) + (pi == null ? "" : " suspended=" + pi.isSuspended()
        + " businessKey=" + pi.getBusinessKey()));
    if (pi == null) {
      return out;
    }
    Map<String, Object> vars = new TreeMap<>(engine.getRuntimeService().getVariables(pid));
    vars.forEach((k, v) -> out.add("var " + k + "=" + v));
    for (Execution e : engine.getRuntimeService().createExecutionQuery().processInstanceId(pid).list().stream()
        .sorted(Comparator.comparing(Execution::getId)).toList()) {
      out.add("execution " + e.getId() + " suspended=" + e.isSuspended() + " ended=" + e.isEnded()
          + " local=" + new TreeMap<>(engine.getRuntimeService().getVariablesLocal(e.getId())));
    }
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(pid).orderByTaskId().asc().list()) {
      out.add("task " + t.getId() + " " + t.getTaskDefinitionKey() + " assignee=" + t.getAssignee() + " owner=" + t.getOwner()
          + " due=" + t.getDueDate() + " followUp=" + t.getFollowUpDate() + " priority=" + t.getPriority()
          + " name=" + t.getName() + " delegation=" + t.getDelegationState() + " suspended=" + t.isSuspended()
          + " local=" + new TreeMap<>(engine.getTaskService().getVariablesLocal(t.getId())));
      out.add("  links " + engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
          .map(EngineState::link).sorted().collect(Collectors.joining(",")));
      out.add("  comments " + engine.getTaskService().getTaskComments(t.getId()).stream()
          .map(c -> c.getId() + ":" + c.getUserId() + ":" + c.getFullMessage()).sorted().collect(Collectors.joining(",")));
      out.add("  attachments " + engine.getTaskService().getTaskAttachments(t.getId()).stream()
          .map(a -> a.getId() + ":" + a.getName()).sorted().collect(Collectors.joining(",")));
    }
    out.add("instance comments " + engine.getTaskService().getProcessInstanceComments(pid).stream()
        .map(Comment::getId).sorted().collect(Collectors.joining(",")));
    out.add("instance attachments " + engine.getTaskService().getProcessInstanceAttachments(pid).stream()
        .map(Attachment::getId).sorted().collect(Collectors.joining(",")));
    for (Job j : engine.getManagementService().createJobQuery().processInstanceId(pid).list().stream()
        .sorted(Comparator.comparing(Job::getId)).toList()) {
      out.add("job " + j.getId() + " retries=" + j.getRetries() + " due=" + j.getDuedate() + " suspended=" + j.isSuspended()
          + " priority=" + j.getPriority() + " exception=" + j.getExceptionMessage() + " failedActivity=" + j.getFailedActivityId());
      var entity = (org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j;
      out.add("  lock owner=" + entity.getLockOwner() + " until=" + entity.getLockExpirationTime());
      var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId())
          .singleResult();
      if (definition != null) {
        out.add("  definition " + definition.getId() + " suspended=" + definition.isSuspended()
            + " priority=" + definition.getOverridingJobPriority());
      }
    }
    for (Incident i : engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).list().stream()
        .sorted(Comparator.comparing(Incident::getId)).toList()) {
      out.add("incident " + i.getId() + " " + i.getIncidentType() + " annotation=" + i.getAnnotation());
    }
    for (ExternalTask x : engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(pid).list().stream()
        .sorted(Comparator.comparing(ExternalTask::getId)).toList()) {
      out.add("external " + x.getId() + " worker=" + x.getWorkerId() + " lock=" + x.getLockExpirationTime()
          + " retries=" + x.getRetries() + " priority=" + x.getPriority() + " suspended=" + x.isSuspended()
          + " error=" + x.getErrorMessage());
    }
    out.add("subscriptions " + engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pid).list()
        .stream().map(s -> s.getEventType() + ":" + s.getEventName()).sorted().collect(Collectors.joining(",")));
    return out;
  }

  private static String link(IdentityLink l) {
    return l.getType() + ":" + l.getUserId() + ":" + l.getGroupId();
  }

  private static List<String> global(ProcessEngine engine) {
    List<String> out = new ArrayList<>();
    for (Filter f : engine.getFilterService().createFilterQuery().orderByFilterId().asc().list()) {
      out.add("filter " + f.getId() + " " + f.getName() + " owner=" + f.getOwner() + " properties=" + f.getProperties());
    }
    out.add("users " + engine.getIdentityService().createUserQuery().list().stream()
        .map(u -> u.getId() + ":" + u.getFirstName() + u.getLastName() + ":" + u.getEmail()).sorted().collect(Collectors.joining(",")));
    out.add("groups " + engine.getIdentityService().createGroupQuery().list().stream()
        .map(g -> g.getId() + ":" + g.getName()).sorted().collect(Collectors.joining(",")));
    for (var g : engine.getIdentityService().createGroupQuery().orderByGroupId().asc().list()) {
      out.add("members " + g.getId() + "=" + engine.getIdentityService().createUserQuery().memberOfGroup(g.getId()).list()
          .stream().map(u -> u.getId()).sorted().collect(Collectors.joining(",")));
    }
    out.add("authorizations " + engine.getAuthorizationService().createAuthorizationQuery().count());
    out.add("deployments " + engine.getRepositoryService().createDeploymentQuery().count());
    out.add("batches " + engine.getManagementService().createBatchQuery().count());
    for (String key : List.of("decision-tracking", "post-evaluation", "evaluation-request", "agency-registration")) {
      out.add("instances " + key + "=" + engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count()
          + " history=" + engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count());
    }
    return out;
  }
}
