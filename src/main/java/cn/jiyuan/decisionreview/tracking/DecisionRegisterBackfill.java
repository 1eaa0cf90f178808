package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills {@code dr_decision} from the trackings a database already holds (run once by the Flyway migration
 * {@link V5_1__Backfill_decision_register}). It reads Camunda's history tables directly, because Flyway runs beside
 * the engine's build, not after it; on a fresh database they are missing or empty and there is nothing to do.
 *
 * <p>Per canonical number ({@link DecisionNumber#normalise}, so {@code 济政[2025]7号} and {@code 济政〔2025〕7号}
 * count as one): a running tracking wins over an ended one, the earliest registered of several running ones wins
 * (the others are logged for an administrator: they were the duplicates found before numbers were unique), and of ended ones the
 * latest. A tracking that was deleted (ended without its status becoming TERMINATED or COMPLETED) holds no number. Numbers already in the
 * table are left alone, so running it twice changes nothing.
 */
public final class DecisionRegisterBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionRegisterBackfill.class);

  private static final List<String> VARIABLES = List.of(TrackingVariables.DECISION_NUMBER.name(),
      TrackingVariables.DECISION_TITLE.name(), TrackingVariables.DECISION_CATEGORY.name(), TrackingVariables.EXECUTING_UNIT.name(),
      TrackingVariables.TRACKING_STATUS.name());
  private static final Set<String> ENDED = Set.of("TERMINATED", "COMPLETED");

  record Tracking(String processInstanceId, String number, String title, String category, String executingUnit,
      String status, Timestamp started, Timestamp ended) {

    boolean running() {
      return ended == null;
    }
  }

  private DecisionRegisterBackfill() {}

  /** Adds the missing rows; returns how many. */
  public static int run(Connection connection) throws SQLException {
    if (!tableExists(connection, "ACT_HI_PROCINST") || !tableExists(connection, "ACT_HI_VARINST")) {
      return 0;
    }
    return run(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)));
  }

  /** Adds the missing rows through {@code jdbc} (the engine's tables must exist); returns how many. */
  public static int run(JdbcTemplate jdbc) {
    String key = ProcessKeys.DECISION_TRACKING;
    Map<String, Map<String, String>> variables = new HashMap<>();
    jdbc.query("SELECT v.PROC_INST_ID_, v.NAME_, v.TEXT_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_"
        + " WHERE p.PROC_DEF_KEY_ = ? AND v.EXECUTION_ID_ = v.PROC_INST_ID_ AND v.NAME_ IN (?, ?, ?, ?, ?)",
        (ResultSet rs) -> {
          variables.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
        }, key, VARIABLES.get(0), VARIABLES.get(1), VARIABLES.get(2), VARIABLES.get(3), VARIABLES.get(4));
    List<Tracking> trackings = new ArrayList<>();
    jdbc.query("SELECT ID_, BUSINESS_KEY_, START_TIME_, END_TIME_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?",
        (ResultSet rs) -> {
          String pid = rs.getString(1);
          Map<String, String> v = variables.getOrDefault(pid, Map.of());
          String raw = v.get(TrackingVariables.DECISION_NUMBER.name()) != null ? v.get(TrackingVariables.DECISION_NUMBER.name()) : rs.getString(2);
          String number = DecisionNumber.normalise(raw);
          if (number == null) {
            return;
          }
          Timestamp ended = rs.getTimestamp(4);
          String status = v.get(TrackingVariables.TRACKING_STATUS.name());
          if (ended == null) {
            status = TrackedDecisions.RUNNING.contains(status) ? status : "TRACKING";
          } else if (!ENDED.contains(status)) {
            // Ended without the process recording an end (TERMINATED, COMPLETED come just before the end events):
            // deleted. STATE_ cannot tell: the Java API does not mark a deletion EXTERNALLY_TERMINATED by default.
            return;
          }
          trackings.add(new Tracking(pid, cut(number, 200), cut(v.get(TrackingVariables.DECISION_TITLE.name()), 500),
              cut(v.get(TrackingVariables.DECISION_CATEGORY.name()), 32), cut(v.get(TrackingVariables.EXECUTING_UNIT.name()), 64),
              status, rs.getTimestamp(3), ended));
        }, key);

    Map<String, List<Tracking>> byNumber = new LinkedHashMap<>();
    trackings.stream().sorted(Comparator.comparing(Tracking::started, Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(t -> byNumber.computeIfAbsent(t.number(), k -> new ArrayList<>()).add(t));
    Set<String> present = new HashSet<>(jdbc.queryForList("SELECT decision_number FROM dr_decision", String.class));
    Set<String> heldInstances = new HashSet<>(jdbc.queryForList("SELECT process_instance_id FROM dr_decision", String.class));
    int added = 0;
    Timestamp now = new Timestamp(System.currentTimeMillis());
    for (Map.Entry<String, List<Tracking>> e : byNumber.entrySet()) {
      if (present.contains(e.getKey())) {
        continue;
      }
      List<Tracking> running = e.getValue().stream().filter(Tracking::running).toList();
      Tracking holder = !running.isEmpty() ? running.get(0)
          : e.getValue().stream().max(Comparator.comparing(Tracking::ended)).orElseThrow();
      if (heldInstances.contains(holder.processInstanceId())) {
        continue;
      }
      if (running.size() > 1) {
        LOG.warn("决策文号 {} 有 {} 个正在进行的跟踪实例 {}；登记表记为最早登记的 {}，其余请管理员在 Cockpit 中核对后删除",
            e.getKey(), running.size(), running.stream().map(Tracking::processInstanceId).toList(), holder.processInstanceId());
      }
      jdbc.update("INSERT INTO dr_decision (decision_number, process_instance_id, title, category, executing_unit, status,"
          + " registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", holder.number(), holder.processInstanceId(),
          holder.title(), holder.category(), holder.executingUnit(), holder.status(),
          holder.started() == null ? now : holder.started(), holder.ended() == null ? now : holder.ended());
      added++;
    }
    if (added > 0) {
      LOG.info("已为已有的 {} 项决策跟踪补登决策文号（dr_decision）", added);
    }
    return added;
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
