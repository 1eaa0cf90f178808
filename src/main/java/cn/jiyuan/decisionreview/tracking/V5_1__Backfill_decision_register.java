package cn.jiyuan.decisionreview.tracking;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway 5.1, after V5 created {@code dr_decision}: registers the numbers of the trackings an existing database
 * already holds ({@link DecisionRegisterBackfill}). Flyway runs it exactly once per database, in its own
 * transaction and under its own lock, while the application starts and before the web server accepts requests,
 * so no registration can slip in between. Spring Boot hands Flyway every JavaMigration bean; the class name gives the version.
 */
@Component
@SuppressWarnings("checkstyle:TypeName") // Flyway reads version and description from the class name
public class V5_1__Backfill_decision_register extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    DecisionRegisterBackfill.run(context.getConnection());
  }
}
