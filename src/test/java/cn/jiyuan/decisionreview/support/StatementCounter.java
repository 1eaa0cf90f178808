package cn.jiyuan.decisionreview.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
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
 * into a test, read {@link #count()} before and after what is measured. {@link #record} also keeps their SQL, to see
 * where they come from. Benchmarks print the counts; some tests bound them.
 */
@TestConfiguration
public class StatementCounter {

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static volatile List<String> recorded;

  public static long count() {
    return STATEMENTS.get();
  }

  /** Runs {@code work} and returns the SQL of every statement prepared meanwhile (by any thread). */
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
            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
              STATEMENTS.incrementAndGet();
              List<String> sql = recorded;
              if (sql != null) {
                sql.add(args != null && args.length > 0 && args[0] instanceof String s ? s : method.getName());
              }
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
