package cn.jiyuan.decisionreview.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements the application prepares on its data source (engine and JDBC alike): {@code @Import} this
 * into a test, read {@link #count()} before and after what is measured. {@link #record} keeps the SQL of every
 * statement executed meanwhile, each row of a JDBC batch (the engine's inserts are batched, so one prepared insert
 * may write several rows), to see where they go. Benchmarks print the counts.
 */
@TestConfiguration
public class StatementCounter {

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static volatile List<String> recorded;

  public static long count() {
    return STATEMENTS.get();
  }

  /** Runs {@code work} and returns the SQL of every statement executed meanwhile (by any thread), a batch's rows each. */
  public static synchronized List<String> record(Runnable work) {
    List<String> sql = java.util.Collections.synchronizedList(new ArrayList<>());
    recorded = sql;
    try {
      work.run();
    } finally {
      recorded = null;
    }
    return new ArrayList<>(sql);
  }

  @Bean
  static BeanPostProcessor countStatements() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource ds && !(bean instanceof CountingDataSource) ? new CountingDataSource(ds) : bean;
      }
    };
  }

  static final class CountingDataSource extends DelegatingDataSource {

    CountingDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counted(super.getConnection(username, password));
    }

    private static Connection counted(Connection connection) {
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            boolean prepared = method.getName().startsWith("prepare") || method.getName().equals("createStatement");
            if (prepared) {
              STATEMENTS.incrementAndGet();
            }
            Object result;
            try {
              result = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (prepared && result instanceof Statement statement) {
              String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
              return executions(statement, sql);
            }
            return result;
          });
    }

    /** The statement, recording each execution and each row added to a batch while {@link #record} runs. */
    private static Statement executions(Statement statement, String preparedSql) {
      Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
          : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
      return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
          (proxy, method, args) -> {
            List<String> sql = recorded;
            String name = method.getName();
            if (sql != null && (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch")
                && !name.equals("executeLargeBatch")))) {
              sql.add(args != null && args.length > 0 && args[0] instanceof String text ? text
                  : preparedSql == null ? name : preparedSql);
            }
            try {
              return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
