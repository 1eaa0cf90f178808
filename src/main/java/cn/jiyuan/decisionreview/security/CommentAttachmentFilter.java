package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.security.CommentAttachmentRule.Kind;
import cn.jiyuan.decisionreview.security.CommentAttachmentRule.Write;
import cn.jiyuan.decisionreview.security.EnginePaths.EngineRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST side of {@link CommentAttachmentRule}. The engine guard alone would refuse the write, but the REST
 * resources turn an engine exception on comment or attachment creation into "400 Not enough parameters" or
 * "404", so the refusal is made here first, on both engine REST paths, with a 403 and the Chinese reason.
 * Checks that need the request body (the author of a comment changed with {@code PUT …/comment}) stay with
 * the engine guard, which answers 403 there.
 */
public class CommentAttachmentFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;

  public CommentAttachmentFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineRequest engineRequest = EnginePaths.of(request);
    Write write = engineRequest == null ? null : writeOf(request.getMethod(), engineRequest);
    if (write != null) {
      EngineCaller caller = EngineCaller.of(request, engineRequest.api(), engine);
      if (caller != null) {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) EngineCaller.restEngine(engine).getProcessEngineConfiguration();
        String refusal = configuration.getCommandExecutorTxRequired().execute(ctx ->
            CommentAttachmentRule.refusal(ctx, caller.userId(), caller.groupIds(), write));
        if (refusal != null) {
          JsonErrors.writeEngine(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", refusal);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  /** The write a REST call intends, or null. {@code PUT …/comment} is checked for participation only here. */
  static Write writeOf(String method, EngineRequest r) {
    switch (method) {
      case "POST" -> {
        if (r.matches("task", "*", "comment", "create")) {
          return new Write(Kind.ADD_COMMENT, r.segment(1), null, null, null);
        }
        if (r.matches("task", "*", "attachment", "create")) {
          return new Write(Kind.ADD_ATTACHMENT, r.segment(1), null, null, null);
        }
      }
      case "PUT" -> {
        if (r.matches("task", "*", "comment")) {
          return new Write(Kind.ADD_COMMENT, r.segment(1), null, null, null);
        }
        if (r.matches("process-instance", "*", "comment")) {
          return new Write(Kind.ADD_COMMENT, null, r.segment(1), null, null);
        }
      }
      case "DELETE" -> {
        if (r.matches("task", "*", "comment")) {
          return new Write(Kind.CHANGE_COMMENT, r.segment(1), null, null, null);
        }
        if (r.matches("task", "*", "comment", "*")) {
          return new Write(Kind.CHANGE_COMMENT, r.segment(1), null, r.segment(3), null);
        }
        if (r.matches("task", "*", "attachment", "*")) {
          return new Write(Kind.CHANGE_ATTACHMENT, r.segment(1), null, null, r.segment(3));
        }
        if (r.matches("process-instance", "*", "comment")) {
          return new Write(Kind.CHANGE_COMMENT, null, r.segment(1), null, null);
        }
        if (r.matches("process-instance", "*", "comment", "*")) {
          return new Write(Kind.CHANGE_COMMENT, null, r.segment(1), r.segment(3), null);
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }
}
