package cn.jiyuan.decisionreview.security;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database could not be reached (a restart, the network, an exhausted pool): the
 * transaction did not commit, nothing was stored, and the caller may simply try again, so every surface answers 503
 * with {@link EngineErrorMessages#DATABASE_UNAVAILABLE}, not 500. Spring's own transaction failures count whatever
 * their cause — a transaction that could not begin ({@link CannotCreateTransactionException}) or whose commit failed
 * ({@link TransactionSystemException}, e.g. "Commit exception overridden by rollback exception" when PostgreSQL went
 * away between the statements and the commit): they arise outside the engine's own error reporting, which is why
 * the cluster's PostgreSQL-restart test once saw a 500. Otherwise the cause chain (with a commit failure's original
 * exception and a JDBC exception's next one) is searched for a connection failure.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static boolean unavailable(Throwable failure) {
    Deque<Throwable> todo = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (failure != null) {
      todo.add(failure);
    }
    while (!todo.isEmpty() && seen.size() < 50) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (isConnectionFailure(t)) {
        return true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return false;
  }

  private static boolean isConnectionFailure(Throwable t) {
    if (t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
        || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
        || t instanceof SocketException) {
      return true;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      // SQL state class 08: connection exception; PostgreSQL 57P01-57P03: the server shut down, crashed or is starting
      if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
          || state.equals("57P03"))) {
        return true;
      }
      // H2: connection broken (90067), database closed (90098), called during shutdown (90121)
      int code = sql.getErrorCode();
      return code == 90067 || code == 90098 || code == 90121;
    }
    return false;
  }
}
