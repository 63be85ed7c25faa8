package org.tipline.gateway.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Classifies PostgreSQL SQL states: retryable, "database unreachable", or a plain failure. */
final class SqlStates {

    private SqlStates() {
    }

    static boolean isRetryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state == null) {
            // Agroal reports an exhausted pool or an unreachable server without a state.
            return true;
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57P") // admin / crash shutdown, cannot connect now
                || "58030".equals(state); // I/O error
    }

    static RuntimeException translate(SQLException e) {
        return isUnavailable(e) ? new LedgerUnavailableException(e) : new LedgerException(e);
    }
}
