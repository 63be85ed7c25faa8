package org.tipline.gateway.trail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;

/**
 * How features write the audit trail: the port they call, implemented by the audit feature. An event of a change is
 * recorded in that change's transaction, so it commits or rolls back with it; events without a change of their own
 * (reads, refusals) get a transaction of their own.
 */
public interface AuditTrail {

    /** Records events in the caller's transaction. */
    default void record(Connection connection, AuditEntry... entries) throws SQLException {
        record(connection, Arrays.asList(entries));
    }

    /** Records events in the caller's transaction. */
    void record(Connection connection, Collection<AuditEntry> entries) throws SQLException;

    /**
     * Records an event without a change of its own (a read) before the read is answered: if it cannot be recorded the
     * read fails too (the ledger is unavailable), so nothing is read unaudited.
     */
    void recordRead(AuditEntry entry);

    /**
     * Records a refusal. A failure is logged and never reaches the refused caller's answer: nothing was changed, and
     * the refusal must stay a 4xx.
     */
    void recordRefusal(AuditEntry entry);
}
