package org.tipline.gateway.platform.db;

/** PostgreSQL cannot be reached or is shutting down: nothing was recorded; the client should retry later. */
public class LedgerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(Throwable cause) {
        super("The ledger database is unavailable", cause);
    }
}
