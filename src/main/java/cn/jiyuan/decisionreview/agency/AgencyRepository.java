package cn.jiyuan.decisionreview.agency;

import cn.jiyuan.decisionreview.agency.Agency.Sanction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of V2__agency_register.sql. Plain JDBC that runs on H2 and PostgreSQL alike; when called from a
 * delegate it joins the engine's transaction (same DataSource, Spring-managed).
 */
@Repository
public class AgencyRepository {

  private static final String COLUMNS = "id, name, agency_type, credit_good, credit_record, has_facilities, facilities,"
      + " staff_qualified, staff_qualifications, affiliated_unit, contact, created_at, updated_at";

  private final JdbcTemplate jdbc;

  public AgencyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Agency> find(String id) {
    List<Agency> found = load("SELECT " + COLUMNS + " FROM dr_agency WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** Every agency, ordered by id. */
  public List<Agency> findAll() {
    return load("SELECT " + COLUMNS + " FROM dr_agency ORDER BY id");
  }

  /** Inserts or updates the agency's own row; argued decisions and sanctions are added separately. */
  public void save(Agency a) {
    int updated = jdbc.update("UPDATE dr_agency SET name = ?, agency_type = ?, credit_good = ?, credit_record = ?,"
            + " has_facilities = ?, facilities = ?, staff_qualified = ?, staff_qualifications = ?, affiliated_unit = ?,"
            + " contact = ?, updated_at = ? WHERE id = ?",
        a.name(), a.type().name(), a.creditGood(), a.creditRecord(), a.hasFacilities(), a.facilities(),
        a.staffQualified(), a.staffQualifications(), a.affiliatedUnit(), a.contact(), Timestamp.from(a.updatedAt()),
        a.id());
    if (updated == 0) {
      jdbc.update("INSERT INTO dr_agency (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          a.id(), a.name(), a.type().name(), a.creditGood(), a.creditRecord(), a.hasFacilities(), a.facilities(),
          a.staffQualified(), a.staffQualifications(), a.affiliatedUnit(), a.contact(), Timestamp.from(a.createdAt()),
          Timestamp.from(a.updatedAt()));
    }
  }

  /** Adds the decision numbers the agency does not have yet. */
  public void addArguedDecisions(String agencyId, Collection<String> decisionNumbers) {
    for (String number : decisionNumbers) {
      Integer present = jdbc.queryForObject(
          "SELECT COUNT(*) FROM dr_agency_argued_decision WHERE agency_id = ? AND decision_number = ?",
          Integer.class, agencyId, number);
      if (present == null || present == 0) {
        jdbc.update("INSERT INTO dr_agency_argued_decision (agency_id, decision_number) VALUES (?, ?)", agencyId, number);
      }
    }
  }

  /** Records a sanction unless the same date and reason are already recorded; true if it was added. */
  public boolean addSanction(String agencyId, Sanction sanction) {
    Integer present = jdbc.queryForObject(
        "SELECT COUNT(*) FROM dr_agency_sanction WHERE agency_id = ? AND sanction_date = ? AND reason = ?",
        Integer.class, agencyId, sanction.date(), sanction.reason());
    if (present != null && present > 0) {
      return false;
    }
    jdbc.update("INSERT INTO dr_agency_sanction (agency_id, sanction_date, reason, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        agencyId, sanction.date(), sanction.reason(), sanction.recordedBy(), Timestamp.from(sanction.recordedAt()));
    return true;
  }

  private List<Agency> load(String sql, Object... args) {
    List<Row> rows = jdbc.query(sql, (rs, i) -> row(rs), args);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> argued = new HashMap<>();
    Map<String, List<Sanction>> sanctions = new HashMap<>();
    String filter = rows.size() == 1 ? " WHERE agency_id = ?" : "";
    Object[] filterArgs = rows.size() == 1 ? new Object[] {rows.get(0).id()} : new Object[0];
    jdbc.query("SELECT agency_id, decision_number FROM dr_agency_argued_decision" + filter
            + " ORDER BY agency_id, decision_number",
        rs -> {
          argued.computeIfAbsent(rs.getString("agency_id"), k -> new ArrayList<>()).add(rs.getString("decision_number"));
        }, filterArgs);
    jdbc.query("SELECT agency_id, sanction_date, reason, recorded_by, recorded_at FROM dr_agency_sanction" + filter
            + " ORDER BY agency_id, sanction_date, id",
        rs -> {
          sanctions.computeIfAbsent(rs.getString("agency_id"), k -> new ArrayList<>()).add(new Sanction(
              rs.getObject("sanction_date", LocalDate.class), rs.getString("reason"), rs.getString("recorded_by"),
              rs.getTimestamp("recorded_at").toInstant()));
        }, filterArgs);
    return rows.stream().map(r -> new Agency(r.id(), r.name(), r.type(), r.creditGood(), r.creditRecord(),
        r.hasFacilities(), r.facilities(), r.staffQualified(), r.staffQualifications(), r.affiliatedUnit(), r.contact(),
        argued.getOrDefault(r.id(), List.of()), sanctions.getOrDefault(r.id(), List.of()), r.createdAt().toInstant(),
        r.updatedAt().toInstant())).toList();
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString("id"), rs.getString("name"), Agency.Type.valueOf(rs.getString("agency_type")),
        rs.getBoolean("credit_good"), rs.getString("credit_record"), rs.getBoolean("has_facilities"),
        rs.getString("facilities"), rs.getBoolean("staff_qualified"), rs.getString("staff_qualifications"),
        rs.getString("affiliated_unit"), rs.getString("contact"), rs.getTimestamp("created_at"),
        rs.getTimestamp("updated_at"));
  }

  private record Row(String id, String name, Agency.Type type, boolean creditGood, String creditRecord,
      boolean hasFacilities, String facilities, boolean staffQualified, String staffQualifications,
      String affiliatedUnit, String contact, Timestamp createdAt, Timestamp updatedAt) {}
}
