package cn.jiyuan.decisionreview.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The phase of an activity of post-evaluation or decision tracking, read from the deployed model: an element inside
 * the subprocess 准备阶段, 实施阶段, 简易程序 or 结论形成阶段 belongs to that phase; a top-level element after 结论形成阶段
 * (reachable from it) to 结果运用, any other to 评估启动. So a task an analyst adds in Modeler inside a phase is placed
 * without a code change. One map per process definition, built once.
 */
@Component
public class ProcessPhases {

  /** The contract process keys (DESIGN.md §4); identity.ProcessKeys names them too, shared may not depend on it. */
  static final String POST_EVALUATION = "post-evaluation";
  static final String DECISION_TRACKING = "decision-tracking";
  /** 整改事项办理 (Art. 16, 17): the use of an approved report, so 结果运用. */
  static final String RECTIFICATION = "rectification";

  static final String PREPARATION = "SubProcess_Preparation";
  static final String IMPLEMENTATION = "SubProcess_Implementation";
  static final String SIMPLIFIED = "SubProcess_Simplified";
  static final String CONCLUSION = "SubProcess_Conclusion";

  /** A phase as shown: the simplified procedure's subprocess counts as implementation under its own name. */
  public record Phase(EvaluationPhase phase, boolean simplified) {

    public String code() {
      return phase.name();
    }

    public String label() {
      return simplified ? "实施阶段（简易程序）" : phase.label();
    }
  }

  private static final Phase TRACKING = new Phase(EvaluationPhase.TRACKING, false);

  private final RepositoryService repository;
  private final SystemCalls system;
  private final Map<String, Map<String, Phase>> byDefinition = new ConcurrentHashMap<>();

  public ProcessPhases(RepositoryService repository, SystemCalls system) {
    this.repository = repository;
    this.system = system;
  }

  /** The phase of {@code activityId} (a multi-instance body id counts as its activity); null outside both processes. */
  public Phase of(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return null;
    }
    Map<String, Phase> phases = byDefinition.computeIfAbsent(processDefinitionId,
        id -> system.run(() -> phases(repository.getBpmnModelInstance(id))));
    int hash = activityId.indexOf('#');
    return phases.get(hash < 0 ? activityId : activityId.substring(0, hash));
  }

  /** The furthest phase among an instance's current activities (parallel branches: the questionnaire beside the materials). */
  public Phase furthest(String processDefinitionId, Collection<String> activityIds) {
    return activityIds.stream().map(a -> of(processDefinitionId, a)).filter(Objects::nonNull)
        .max(Comparator.comparingInt(p -> p.phase().ordinal())).orElse(null);
  }

  static Map<String, Phase> phases(BpmnModelInstance model) {
    Map<String, Phase> phases = new HashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (DECISION_TRACKING.equals(process.getId())) {
        model.getModelElementsByType(FlowNode.class).forEach(n -> phases.put(n.getId(), TRACKING));
      } else if (RECTIFICATION.equals(process.getId())) {
        model.getModelElementsByType(FlowNode.class)
            .forEach(n -> phases.put(n.getId(), new Phase(EvaluationPhase.FOLLOW_UP, false)));
      } else if (POST_EVALUATION.equals(process.getId())) {
        Set<String> afterConclusion = reachableFrom(model.getModelElementById(CONCLUSION));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
          Phase phase = inSubProcess(node);
          if (phase == null) {
            phase = new Phase(afterConclusion.contains(node.getId()) ? EvaluationPhase.FOLLOW_UP : EvaluationPhase.START,
                false);
          }
          phases.put(node.getId(), phase);
        }
      }
    }
    return phases;
  }

  private static Phase inSubProcess(FlowNode node) {
    for (ModelElementInstance e = node; e != null; e = e.getParentElement()) {
      if (e instanceof SubProcess sub) {
        switch (sub.getId()) {
          case PREPARATION -> {
            return new Phase(EvaluationPhase.PREPARATION, false);
          }
          case IMPLEMENTATION -> {
            return new Phase(EvaluationPhase.IMPLEMENTATION, false);
          }
          case SIMPLIFIED -> {
            return new Phase(EvaluationPhase.IMPLEMENTATION, true);
          }
          case CONCLUSION -> {
            return new Phase(EvaluationPhase.CONCLUSION, false);
          }
          default -> {
            // an inner subprocess: look further out
          }
        }
      }
    }
    return null;
  }

  /** The top-level nodes after {@code start} along its outgoing flows. */
  private static Set<String> reachableFrom(FlowNode start) {
    Set<String> seen = new HashSet<>();
    if (start == null) {
      return seen;
    }
    java.util.Deque<FlowNode> todo = new java.util.ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      for (SequenceFlow flow : todo.pop().getOutgoing()) {
        FlowNode target = flow.getTarget();
        if (seen.add(target.getId())) {
          todo.add(target);
        }
      }
    }
    return seen;
  }
}
