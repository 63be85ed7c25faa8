package org.tipline.gateway.platform.db;

import java.sql.SQLException;

/** A SQL statement failed for a reason other than availability; the transaction was rolled back. */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(SQLException cause) {
        super("A ledger statement failed with SQL state " + cause.getSQLState(), cause);
    }
}
