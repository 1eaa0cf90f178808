package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.shared.DecisionNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Pages of the register ({@code dr_decision}, V11) in two statements, a count and a page (LIMIT/OFFSET, the same on
 * H2 and PostgreSQL), whatever the number of decisions. Visibility is part of the WHERE clause: a caller who may not
 * see every decision passes the units it may see.
 */
@Repository
public class RegistryPages {

  /** One decision as a page lists it. */
  public record Listed(String decisionNumber, String processInstanceId, String title, String category,
      String executingUnit, String status, LocalDate implementationStart, LocalDate implementationEnd,
      String nextEvaluationType, LocalDate nextEvaluationDue, String nextEvaluationBasis, String detail) {}

  public record Page(long total, List<Listed> rows) {}

  private static final RowMapper<Listed> LISTED = (rs, i) -> new Listed(rs.getString(1), rs.getString(2),
      rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), TrackedDecisions.localDate(rs.getDate(7)),
      TrackedDecisions.localDate(rs.getDate(8)), rs.getString(9), TrackedDecisions.localDate(rs.getDate(10)),
      rs.getString(11), rs.getString(12));

  private final JdbcTemplate jdbc;

  public RegistryPages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The page {@code query} asks for; {@code visibleUnits} null for a caller who sees every decision, else the only
   * executing units whose decisions it may see (none: an empty page).
   */
  public Page page(RegistryQuery query, Collection<String> visibleUnits) {
    List<Object> args = new ArrayList<>();
    String where = where(query, visibleUnits, args);
    if (query.q() != null) {
      return searched(query, where, args);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision" + where, Long.class, args.toArray());
    if (total == null || total == 0 || query.offset() >= total) {
      return new Page(total == null ? 0 : total, List.of());
    }
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(query.size());
    pageArgs.add(query.offset());
    // The page's numbers first, from the sort's index alone (PostgreSQL: an index-only scan), then only their rows:
    // a deep OFFSET then skips index entries, not whole rows with their detail.
    List<Listed> rows = jdbc.query(SELECT_LISTED + " FROM dr_decision d JOIN (SELECT decision_number"
        + " FROM dr_decision" + where + orderBy(query, "") + " LIMIT ? OFFSET ?) p ON p.decision_number = d.decision_number"
        + orderBy(query, "d."), LISTED, pageArgs.toArray());
    return new Page(total, rows);
  }

  /**
   * A text search reads every row (no index serves {@code LIKE '%…%'}), so the count and the page come from that one
   * scan: the window count is taken over all matches before LIMIT. Only a page past the end needs the count alone.
   */
  private Page searched(RegistryQuery query, String where, List<Object> args) {
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(query.size());
    pageArgs.add(query.offset());
    long[] total = {0};
    List<Listed> rows = jdbc.query(SELECT_LISTED + ", p.total FROM dr_decision d JOIN (SELECT decision_number,"
        + " COUNT(*) OVER () AS total FROM dr_decision" + where + orderBy(query, "") + " LIMIT ? OFFSET ?) p"
        + " ON p.decision_number = d.decision_number" + orderBy(query, "d."), (rs, i) -> {
          total[0] = rs.getLong(13);
          return LISTED.mapRow(rs, i);
        }, pageArgs.toArray());
    if (rows.isEmpty() && query.offset() > 0) {
      Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision" + where, Long.class, args.toArray());
      return new Page(count == null ? 0 : count, List.of());
    }
    return new Page(total[0], rows);
  }

  private static final String SELECT_LISTED = "SELECT d.decision_number, d.process_instance_id, d.title, d.category,"
      + " d.executing_unit, d.status, d.implementation_start, d.implementation_end, d.next_evaluation_type,"
      + " d.next_evaluation_due, d.next_evaluation_basis, d.detail";

  private static String where(RegistryQuery query, Collection<String> visibleUnits, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    if (visibleUnits != null) {
      if (visibleUnits.isEmpty()) {
        conditions.add("1 = 0");
      } else {
        conditions.add(in("executing_unit", visibleUnits, args));
      }
    }
    if (!query.units().isEmpty()) {
      conditions.add(in("executing_unit", query.units(), args));
    }
    if (!query.statuses().isEmpty()) {
      conditions.add(in("status", query.statuses(), args));
    }
    if (!query.categories().isEmpty()) {
      conditions.add(in("category", query.categories(), args));
    }
    if (query.q() != null) {
      String like = "%" + escape(query.q().toLowerCase(Locale.ROOT)) + "%";
      // A number typed in another spelling (济政[2025]7号) finds its canonical form.
      String canonical = DecisionNumber.normalise(query.q());
      StringBuilder c = new StringBuilder("(LOWER(decision_number) LIKE ? ESCAPE '\\' OR LOWER(title) LIKE ? ESCAPE '\\'");
      args.add(like);
      args.add(like);
      if (canonical != null && !canonical.equals(query.q())) {
        c.append(" OR decision_number LIKE ? ESCAPE '\\'");
        args.add("%" + escape(canonical) + "%");
      }
      conditions.add(c.append(")").toString());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static String in(String column, Collection<String> values, List<Object> args) {
    args.addAll(values);
    return column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
  }

  /**
   * Columns only from the whitelist. An empty value sorts last either way (said only for columns that can be empty:
   * on PostgreSQL a NULLS clause the index does not have would stop it from reading the index in order). The number
   * breaks ties, in the direction of the first key, so that one index serves the default order both ways.
   */
  private static String orderBy(RegistryQuery query, String table) {
    List<String> parts = new ArrayList<>();
    boolean byNumber = false;
    for (String key : query.sort()) {
      boolean desc = key.startsWith("-");
      String column = RegistryQuery.SORT_KEYS.get(desc ? key.substring(1) : key);
      byNumber |= column.equals("decision_number");
      parts.add(table + column + (desc ? " DESC" : " ASC") + (NOT_NULL.contains(column) ? "" : " NULLS LAST"));
    }
    if (!byNumber) {
      parts.add(table + "decision_number" + (query.sort().get(0).startsWith("-") ? " DESC" : " ASC"));
    }
    return " ORDER BY " + String.join(", ", parts);
  }

  private static final java.util.Set<String> NOT_NULL = java.util.Set.of("decision_number", "status", "registered_at");

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
