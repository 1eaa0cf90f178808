package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.security.CommentAttachmentRule.Kind;
import cn.jiyuan.decisionreview.security.CommentAttachmentRule.Write;
import java.lang.reflect.Field;
import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;

/**
 * Engine-level integrity guards, so that every caller — both REST APIs, the
 * webapps, Java code acting for a user — meets the same rules:
 * <ul>
 *   <li>comments and attachments only by the task's participants ({@link CommentAttachmentRule});</li>
 *   <li>a manual job execution is authorized <em>before</em> the engine touches the job: the engine's own
 *       check runs inside the job's command, and its failure handler then lowers the retries (ENGINE
 *       behaviour in 7.24), so a refused {@code POST /job/{id}/execute} used to cost a retry each time;</li>
 *   <li>Json variables must be valid, shallow JSON when they are written ({@link ValidatingJsonSerializer}), and
 *       JSON Object variables must name a type the engine would deserialize ({@link ValidatingObjectSerializer}).</li>
 * </ul>
 */
@Component
public class EngineWriteGuards extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommentAttachmentInterceptor());
    configuration.setManagementService(new PreAuthorizingManagementService(configuration));
  }

  /** After every plugin's postInit: Spin registers its serializers there, in no fixed order relative to ours. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    VariableSerializers serializers = configuration.getVariableSerializers();
    replace(serializers, ValidatingJsonSerializer.NAME, new ValidatingJsonSerializer());
    replace(serializers, ValidatingObjectSerializer.NAME, new ValidatingObjectSerializer());
    replace(serializers, org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer.NAME,
        new BoundedNumberJavaSerializer());
  }

  private static void replace(VariableSerializers serializers, String name, TypedValueSerializer<?> replacement) {
    TypedValueSerializer<?> original = serializers.getSerializerByName(name);
    if (original == null) {
      throw new IllegalStateException("变量序列化器 " + name + " 未注册（JSON 与对象变量需要 camunda-engine-plugin-spin）。");
    }
    int index = serializers.getSerializerIndex(original);
    serializers.removeSerializer(original);
    serializers.addSerializer(replacement, index);
  }

  /** Inside the command context, before the command runs: a refusal rolls back a transaction that wrote nothing. */
  static final class CommentAttachmentInterceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Write write = writeOf(command);
      if (write != null) {
        CommandContext ctx = Context.getCommandContext();
        Authentication auth = ctx == null ? null : ctx.getAuthentication();
        if (ctx != null && auth != null && ctx.isAuthorizationCheckEnabled()) {
          String refusal = CommentAttachmentRule.refusal(ctx, auth.getUserId(), auth.getGroupIds(), write);
          if (refusal != null) {
            throw new AuthorizationException(refusal);
          }
        }
      }
      return next.execute(command);
    }
  }

  /** The comment or attachment write a command makes, or null for any other command. */
  static Write writeOf(Command<?> command) {
    if (command instanceof AddCommentCmd) {
      return new Write(Kind.ADD_COMMENT, field(command, "taskId"), field(command, "processInstanceId"), null, null);
    }
    if (command instanceof CreateAttachmentCmd) {
      return new Write(Kind.ADD_ATTACHMENT, field(command, "taskId"), field(command, "processInstanceId"), null, null);
    }
    if (command instanceof DeleteAttachmentCmd) {
      return new Write(Kind.CHANGE_ATTACHMENT, field(command, "taskId"), null, null, field(command, "attachmentId"));
    }
    if (command instanceof SaveAttachmentCmd) {
      Attachment attachment = field(command, "attachment");
      return new Write(Kind.CHANGE_ATTACHMENT, null, null, null, attachment == null ? null : attachment.getId());
    }
    if (command instanceof DeleteTaskCommentCmd) {
      return new Write(Kind.CHANGE_COMMENT, field(command, "taskId"), null, field(command, "commentId"), null);
    }
    if (command instanceof UpdateCommentCmd) {
      return new Write(Kind.CHANGE_COMMENT, field(command, "taskId"), field(command, "processInstanceId"),
          field(command, "commentId"), null);
    }
    if (command instanceof DeleteProcessInstanceCommentCmd) {
      return new Write(Kind.CHANGE_COMMENT, null, field(command, "processInstanceId"), field(command, "commentId"), null);
    }
    return null;
  }

  /** Reads a command's protected field; fails loudly (not silently open) if a Camunda update renames it. */
  @SuppressWarnings("unchecked")
  static <V> V field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("Camunda 命令 " + command.getClass().getName() + " 没有字段 " + name
        + "：评论与附件的权限检查需要更新。");
  }

  /** {@code executeJob} checks UPDATE on the job's process instance first, in a command of its own. */
  static final class PreAuthorizingManagementService extends ManagementServiceImpl {
    PreAuthorizingManagementService(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    public void executeJob(String jobId) {
      if (jobId != null) {
        commandExecutor.execute(ctx -> {
          JobEntity job = ctx.getJobManager().findJobById(jobId);
          if (job != null) {
            for (CommandChecker checker : ctx.getProcessEngineConfiguration().getCommandCheckers()) {
              checker.checkUpdateJob(job);
            }
          }
          return null;
        });
      }
      super.executeJob(jobId);
    }
  }
}
