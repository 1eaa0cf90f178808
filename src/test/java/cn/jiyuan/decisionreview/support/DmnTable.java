package cn.jiyuan.decisionreview.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** A decision of {@code dmn/} on a standalone DMN engine that records which rules matched, for table-driven tests. */
public final class DmnTable {

  public final DmnEngine engine;
  public final DmnDecision decision;
  /** Every decision of the file (a DRD may hold several), for tests of a required decision. */
  public final DmnDecisionRequirementsGraph graph;
  /** Ids of the rules that matched in the last evaluation, in table order. */
  public final List<String> matchedRules = new ArrayList<>();

  private DmnTable(String file, String decisionId) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setCustomPostDecisionEvaluationListeners(List.<DmnDecisionEvaluationListener>of(event -> {
      matchedRules.clear();
      if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
        table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
      }
    }));
    engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn", file))) {
      graph = engine.parseDecisionRequirementsGraph(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    decision = graph.getDecision(decisionId);
    if (decision == null) {
      throw new IllegalArgumentException("dmn/" + file + " has no decision " + decisionId);
    }
  }

  public static DmnTable load(String file, String decisionId) {
    return new DmnTable(file, decisionId);
  }

  /** The ids of every rule in a DMN file, sorted: what a table-driven test must have matched. */
  public static java.util.SortedSet<String> ruleIds(Path file) {
    return org.camunda.bpm.model.dmn.Dmn.readModelFromFile(file.toFile())
        .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class).stream()
        .map(org.camunda.bpm.model.dmn.instance.Rule::getId)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
