package cn.jiyuan.decisionreview.support;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory H2 with the project's tables (its Flyway migrations), for stores tested without an application. */
public final class ProjectTables {

  private ProjectTables() {
  }

  public static JdbcTemplate fresh(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return new JdbcTemplate(ds);
  }
}
