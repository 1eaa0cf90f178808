package cn.jiyuan.decisionreview.download;

import cn.jiyuan.decisionreview.shared.AuditAction;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Art. 24: a file taken out through Camunda's own file endpoints ({@code …/variables/{name}/data} of a task, process
 * instance or execution, {@code /variable-instance/{id}/data}, {@code /history/variable-instance/{id}/data}, on
 * {@code /engine-rest} and the webapps' {@code /camunda/api/engine}) is recorded like the project's downloads. Called
 * when the engine sets the file's {@code Content-Disposition}, i.e. while the caller is still authenticated.
 */
@Component
public class EngineDownloads {

  private static final Logger LOG = LoggerFactory.getLogger(EngineDownloads.class);
  private static final Pattern PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)"
      + "/(task|process-instance|execution|variable-instance|history/variable-instance)/([^/]+)"
      + "(?:/(?:variables|localVariables)/([^/]+))?/data$");

  /** What a download path names: the kind of resource, its id, and the variable (null for a variable instance). */
  record Target(String kind, String id, String variable) {}

  private final AuditRecords audit;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final SystemCalls system;

  public EngineDownloads(AuditRecords audit, IdentityService identityService, HistoryService historyService,
      RuntimeService runtimeService, SystemCalls system) {
    this.audit = audit;
    this.identityService = identityService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  static Optional<Target> parse(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches() || (m.group(3) == null) != m.group(1).endsWith("variable-instance")) {
      return Optional.empty();
    }
    return Optional.of(new Target(m.group(1), m.group(2), m.group(3)));
  }

  /** Records the download, if the request is one of the engine's file downloads; never fails the download. */
  void served(HttpServletRequest request, String contentDisposition) {
    if (!"GET".equals(request.getMethod())) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Target> target = parse(path);
    if (target.isEmpty()) {
      return;
    }
    try {
      Authentication caller = identityService.getCurrentAuthentication();
      String[] where = system.run(() -> locate(target.get()));
      if (where == null || where[0] == null) {
        return;
      }
      String fileName = ContentDispositions.fileName(contentDisposition);
      audit.record(where[0], caller == null ? null : caller.getUserId(), AuditAction.FILE_DOWNLOADED, fileName,
          "通过流程引擎接口下载数据项“" + where[1] + "”的文件“" + fileName + "”");
    } catch (RuntimeException e) {
      LOG.warn("引擎接口的文件下载未能记入审计记录：{}", path, e);
    }
  }

  /** The process instance and the variable name. */
  private String[] locate(Target t) {
    return switch (t.kind()) {
      case "process-instance" -> new String[] {t.id(), t.variable()};
      case "task" -> {
        HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(t.id()).singleResult();
        yield task == null ? null : new String[] {task.getProcessInstanceId(), t.variable()};
      }
      case "execution" -> {
        Execution execution = runtimeService.createExecutionQuery().executionId(t.id()).singleResult();
        yield execution == null ? null : new String[] {processInstanceOf(execution), t.variable()};
      }
      default -> {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
            .variableId(t.id()).disableBinaryFetching().singleResult();
        yield variable == null ? null : new String[] {variable.getProcessInstanceId(), variable.getName()};
      }
    };
  }

  private static String processInstanceOf(Execution execution) {
    return execution instanceof ProcessInstance p ? p.getId() : execution.getProcessInstanceId();
  }
}
