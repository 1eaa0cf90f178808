package cn.jiyuan.decisionreview.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs the machine work behind an async boundary the way the job executor would, so that a test can go on from
 * where a person's work ended, as camunda-bpm-examples' tests do. Works whether or not the context's job executor
 * is running: a job it already took is simply gone from the next query. Timers run only once due.
 */
public final class Jobs {

  private static final int MAX_ROUNDS = 200;

  private Jobs() {}

  /**
   * Executes the due jobs of one decision's processes until none is left: those whose business key is the given
   * key (tracking, evaluation and request share the decision number) or whose id it is, and the instances these
   * call. Jobs that others' tests left behind are not touched. A job that fails is left with its retries lowered,
   * as the job executor would leave it, and the failure is rethrown.
   */
  public static void drain(ProcessEngine engine, String businessKeyOrInstanceId) {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<String> instances = instances(engine, businessKeyOrInstanceId);
      List<Job> due = new ArrayList<>();
      for (String instance : instances) {
        // An async continuation counts even if a lost race with the job executor pushed its due date out by the
        // retry cycle: the job executor would run it again, so the test does now. Timers only once due.
        due.addAll(management.createJobQuery().processInstanceId(instance).messages().active().withRetriesLeft()
            .list());
        due.addAll(management.createJobQuery().processInstanceId(instance).timers().executable().active()
            .withRetriesLeft().list());
      }
      if (due.isEmpty()) {
        if (!instances.equals(instances(engine, businessKeyOrInstanceId))) {
          continue; // the job executor started or ended an instance meanwhile: look again
        }
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException e) {
          // the job executor ran it meanwhile
        } catch (RuntimeException e) {
          // Gone: the job executor ran it between the query and this call. Losing that race can surface as any
          // exception, not only a ProcessEngineException: e.g. a parallel branch's execution pruned meanwhile.
          if (management.createJobQuery().jobId(job.getId()).count() > 0) {
            throw e;
          }
        }
      }
    }
    throw new AssertionError("后台作业在 " + MAX_ROUNDS + " 轮后仍未执行完：可能有作业不断产生新作业");
  }

  /**
   * Executes one job (typically a due timer) as the job executor would. On a database other contexts' job executors
   * also serve (the PostgreSQL round), one of them may take it first: then this waits until it is done.
   */
  public static void run(ProcessEngine engine, String jobId) {
    ManagementService management = engine.getManagementService();
    try {
      management.executeJob(jobId);
    } catch (OptimisticLockingException e) {
      awaitGone(management, jobId);
    } catch (ProcessEngineException e) {
      if (management.createJobQuery().jobId(jobId).count() > 0) {
        throw e;
      }
    }
  }

  private static void awaitGone(ManagementService management, String jobId) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (management.createJobQuery().jobId(jobId).count() > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("作业 " + jobId + " 30 秒后仍未执行完");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Set<String> instances(ProcessEngine engine, String key) {
    RuntimeService runtime = engine.getRuntimeService();
    Set<String> found = new LinkedHashSet<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().forEach(p -> found.add(p.getId()));
    runtime.createProcessInstanceQuery().processInstanceId(key).list().forEach(p -> found.add(p.getId()));
    Deque<String> open = new ArrayDeque<>(found);
    while (!open.isEmpty()) {
      for (ProcessInstance sub : runtime.createProcessInstanceQuery().superProcessInstanceId(open.pop()).list()) {
        if (found.add(sub.getId())) {
          open.add(sub.getId());
        }
      }
    }
    return found;
  }
}
