package cn.jiyuan.decisionreview.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One PostgreSQL session-level advisory lock that every schema change at start-up takes: the engine's table
 * creation ({@link SchemaCreationLock}) and Flyway's migration ({@link FlywaySchemaLock}). Neither takes a lock
 * of its own around its first look at the schema, so two nodes starting together on an empty database would
 * otherwise collide — each with itself and with the other's tool. The lock lives on its own connection, so
 * the work it guards may use any other connection of the pool.
 */
final class SchemaLock implements AutoCloseable {

  /** The advisory lock's key: any fixed number; only this class uses it. */
  static final long KEY = 0x4452_5343_4845_4D41L;

  private Connection holder;

  private SchemaLock(Connection holder) {
    this.holder = holder;
  }

  /** Waits for the lock on PostgreSQL; on any other database (H2: one node per file) holds nothing. */
  static SchemaLock acquire(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return new SchemaLock(null);
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      return new SchemaLock(connection);
    } catch (SQLException e) {
      discard(connection, e);
      throw e;
    }
  }

  @Override
  public void close() {
    Connection connection = holder;
    holder = null;
    if (connection == null) {
      return;
    }
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
      }
      connection.close();
    } catch (SQLException e) {
      discard(connection, e);
    }
  }

  /** A pooled connection's close keeps its session (and the lock): abort it so that the pool discards it. */
  private static void discard(Connection connection, SQLException cause) {
    try {
      connection.abort(Runnable::run);
    } catch (SQLException alsoFailed) {
      cause.addSuppressed(alsoFailed);
    }
  }
}
