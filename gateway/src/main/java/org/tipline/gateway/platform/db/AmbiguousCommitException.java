package org.tipline.gateway.platform.db;

/**
 * The connection failed while committing: the transaction may or may not have been committed, and nobody on this side
 * can tell. Whoever wrote something outside the database for it (an evidence object) must keep it and let a sweeper
 * decide later from what the ledger holds. To a client it reads like any unavailability: retry later.
 */
public class AmbiguousCommitException extends LedgerUnavailableException {

    private static final long serialVersionUID = 1L;

    public AmbiguousCommitException(Throwable cause) {
        super(cause);
    }
}
