package cn.jiyuan.decisionreview.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The two facts the engine's API gives only one task or instance at a time, read for many at once from its runtime
 * tables: the candidates of tasks and the current activities of process instances (the 督办 page, the overdue list).
 * Read-only; ids in chunks so that an IN list stays within what H2 and PostgreSQL take, whatever the number of tasks.
 */
@Repository
public class RuntimeQueries {

  public static final int CHUNK = 500;

  /** A task's candidate group or user (one of the two is set). */
  public record Candidate(String taskId, String groupId, String userId) {}

  private final NamedParameterJdbcTemplate jdbc;

  public RuntimeQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The candidate groups and users of these tasks, by task id. */
  public Map<String, List<Candidate>> candidates(Collection<String> taskIds) {
    return grouped(taskIds, ids -> jdbc.query("SELECT TASK_ID_, GROUP_ID_, USER_ID_ FROM ACT_RU_IDENTITYLINK"
        + " WHERE TYPE_ = 'candidate' AND TASK_ID_ IN (:ids) ORDER BY GROUP_ID_, USER_ID_",
        new MapSqlParameterSource("ids", ids), (rs, n) -> new Candidate(rs.getString(1), rs.getString(2),
            rs.getString(3))), Candidate::taskId);
  }

  /** The activity ids where these process instances' executions are now (waiting, or a job before an activity). */
  public Map<String, List<String>> currentActivities(Collection<String> processInstanceIds) {
    Map<String, List<String[]>> rows = grouped(processInstanceIds, ids -> jdbc.query("SELECT PROC_INST_ID_, ACT_ID_"
        + " FROM ACT_RU_EXECUTION WHERE ACT_ID_ IS NOT NULL AND PROC_INST_ID_ IN (:ids)",
        new MapSqlParameterSource("ids", ids), (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}), r -> r[0]);
    Map<String, List<String>> activities = new HashMap<>();
    rows.forEach((pi, list) -> activities.put(pi, list.stream().map(r -> r[1]).toList()));
    return activities;
  }

  private static <T> Map<String, List<T>> grouped(Collection<String> ids, Function<List<String>, List<T>> query,
      Function<T, String> key) {
    Map<String, List<T>> result = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      for (T row : query.apply(chunk)) {
        result.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
      }
    }
    return result;
  }

  public static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
