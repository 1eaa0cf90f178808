package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.notification.Notifications;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every process its deadline at creation and tells its people, without touching the
 * models (analysts tune the days in the DMN taskDeadline); completing a task cancels its pending notifications, and
 * completing or deleting it ends its 督办.
 */
@Component
public class TaskDeadlinePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener onCreate;
  private final TaskListener onComplete;
  private final TaskListener onDelete;

  public TaskDeadlinePlugin(@Lazy TaskDeadlines deadlines, @Lazy Notifications notifications,
      @Lazy EscalationLog escalations) {
    this.onCreate = task -> {
      deadlines.assign(task);
      notifications.taskAvailable(task);
    };
    this.onComplete = task -> {
      notifications.taskCompleted(task);
      escalations.stop(task.getId());
    };
    // a task ended by a boundary event or a cancelled instance is not escalated again either
    this.onDelete = task -> escalations.stop(task.getId());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, onDelete);
      }
    });
  }
}
