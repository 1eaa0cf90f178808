package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.SystemCalls;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the register's read-model columns (V11) from the engine's history, the one source they are derived from:
 * first the numbers a tracking holds but the register lacks ({@link DecisionRegisterBackfill}), then every row in
 * batches of {@value #BATCH} (a few statements per batch, never one IN list of all ids: PostgreSQL takes at most
 * 65,535 bind parameters). A row is written only when it differs from what the history gives, and only if no step
 * wrote it while the batch was read, so running it twice, or while the processes run, changes nothing more.
 */
@Service
public class DecisionRegisterRebuild {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionRegisterRebuild.class);

  static final int BATCH = 500;

  /** What a rebuild did. */
  public record Result(int added, int checked, int repaired, int unchanged, int withoutInstance) {

    public Map<String, Object> json() {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("added", added);
      body.put("checked", checked);
      body.put("repaired", repaired);
      body.put("unchanged", unchanged);
      body.put("withoutInstance", withoutInstance);
      body.put("message", "决策名录已从流程引擎历史重建：补登 " + added + " 项，核对 " + checked + " 项，修复 " + repaired
          + " 项，未变 " + unchanged + " 项，找不到跟踪实例 " + withoutInstance + " 项。");
      return body;
    }
  }

  private record Current(String decisionNumber, String processInstanceId, Timestamp updatedAt, RegisterEntry entry) {}

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final TrackedDecisions decisions;
  private final SystemCalls system;

  public DecisionRegisterRebuild(JdbcTemplate jdbc, HistoryService history, TrackedDecisions decisions,
      SystemCalls system) {
    this.jdbc = jdbc;
    this.history = history;
    this.decisions = decisions;
    this.system = system;
  }

  /** Every row. */
  public Result rebuild() {
    int added = DecisionRegisterBackfill.run(jdbc);
    Result r = rows("");
    Result result = new Result(added, r.checked(), r.repaired(), r.unchanged(), r.withoutInstance());
    LOG.info("{}", result.json().get("message"));
    return result;
  }

  /** Rows written before V11 have no detail yet: filled from history once, after start-up (cheap when none). */
  @EventListener(ApplicationReadyEvent.class)
  public void fillMissing() {
    Result r = rows(" AND detail IS NULL");
    if (r.checked() > 0) {
      LOG.info("已从流程引擎历史为 {} 项决策补齐名录明细（dr_decision）", r.checked());
    }
  }

  private Result rows(String condition) {
    int checked = 0;
    int repaired = 0;
    int unchanged = 0;
    int without = 0;
    String after = "";
    while (true) {
      // keyset paging by number: each batch is an indexed range, whatever the table's size
      List<Current> batch = jdbc.query("SELECT decision_number, process_instance_id, updated_at, "
          + TrackedDecisions.ENTRY_SELECT + " FROM dr_decision WHERE decision_number > ?" + condition
          + " ORDER BY decision_number LIMIT " + BATCH,
          (rs, i) -> new Current(rs.getString(1), rs.getString(2), rs.getTimestamp(3), TrackedDecisions.entryAt(rs, 4)),
          after);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).decisionNumber();
      Map<String, RegisterEntry> fromHistory = system.run(() -> entries(batch));
      for (Current row : batch) {
        checked++;
        RegisterEntry entry = fromHistory.get(row.processInstanceId());
        if (entry == null) {
          without++;
        } else if (entry.equals(row.entry())) {
          unchanged++;
        } else if (decisions.refreshIfUnchanged(row.decisionNumber(), entry, row.updatedAt())) {
          repaired++;
        } else {
          unchanged++; // a step wrote it meanwhile, from the engine's own state
        }
      }
    }
    return new Result(0, checked, repaired, unchanged, without);
  }

  /** The entries of a batch's trackings, in two queries: their instances and their variables. */
  private Map<String, RegisterEntry> entries(List<Current> batch) {
    Set<String> ids = batch.stream().map(Current::processInstanceId).collect(Collectors.toSet());
    Map<String, HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(ids).list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, p -> p));
    Map<String, Map<String, Object>> variables = new HashMap<>();
    if (instances.isEmpty()) {
      return Map.of();
    }
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.keySet().toArray(String[]::new))
        .variableNameIn(RegisterEntry.VARIABLES.toArray(String[]::new)).list()) {
      // the instance's own variables, not a local one of the same name
      if (Objects.equals(v.getExecutionId(), v.getProcessInstanceId())) {
        variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    Map<String, RegisterEntry> entries = new HashMap<>();
    instances.forEach((id, pi) -> entries.put(id, RegisterEntry.of(variables.getOrDefault(id, Map.of())::get,
        (pi.getEndTime() == null ? TrackingStatus.TRACKING : TrackingStatus.COMPLETED).name())));
    return entries;
  }
}
