package org.tipline.gateway.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the ledger's queue statements (the relay's claim, the audit sequencer's take) are planned: by index scans only.
 * A queue is drained and refilled all day, so its statistics are mostly those of another moment: a VACUUM or ANALYZE
 * that found it nearly empty leaves about one row, and tens of thousands of rows consumed since (dead until the next
 * VACUUM) lie under the backlog. With those statistics the planner read the whole backlog, or walked every consumed
 * row, for each statement (docs/performance.md, "A claim behind the queue's dead rows"); the queue's indexes serve
 * each statement in about its batch whatever the table holds. The settings last until the statement has run, within
 * its transaction.
 */
public final class QueueScans {

    /** Sequential and bitmap scans ruled out for the rest of the transaction (until {@link #RESTORE}). */
    public static final String INDEX_SCANS_ONLY = "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off";

    /** The session's planner settings again. */
    static final String RESTORE = "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_bitmapscan TO DEFAULT";

    private QueueScans() {
    }

    /** Runs {@code work} (a queue statement) in {@code connection}'s transaction with index scans only. */
    public static <T> T indexScansOnly(Connection connection, Database.TransactionWork<T> work) throws SQLException {
        try (Statement planner = connection.createStatement()) {
            planner.execute(INDEX_SCANS_ONLY);
            T result = work.run(connection);
            planner.execute(RESTORE);
            return result;
        }
    }
}
