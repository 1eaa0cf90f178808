package cn.jiyuan.decisionreview.shared;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Machine work behind an async boundary. A failure is rethrown with a Chinese message naming the step, because the
 * job's exception message is what Cockpit shows as the incident's message to the administrator who must act on it.
 * Shared by the features whose steps run behind async boundaries (evaluation, participation).
 */
public final class MachineStep {

  private MachineStep() {}

  /** {@code failure} names what went wrong, e.g. "生成评估报告初稿失败"; the cause's message follows it. */
  public static JavaDelegate failingWith(String failure, JavaDelegate work) {
    return execution -> {
      try {
        work.execute(execution);
      } catch (OptimisticLockingException e) {
        throw e; // a concurrent change: the job executor retries it without counting a failure
      } catch (Exception e) {
        throw new ProcessEngineException(message(failure, e), e);
      }
    };
  }

  public static String message(String failure, Throwable cause) {
    String reason = cause.getMessage();
    return failure + "：" + (reason == null || reason.isBlank() ? "未知原因，详见服务器日志" : reason);
  }
}
