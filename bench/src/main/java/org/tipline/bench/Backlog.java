package org.tipline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * The gateway's work still queued after a run has been answered and delivered: audit events not yet sequenced into
 * the log, and logged events not yet published to the SIEM topic. A run starts only once it is done, so that its
 * CPU and latency are its own, not the previous run's leftovers.
 */
final class Backlog {

    private static final String PENDING = "SELECT (SELECT count(*) FROM audit_inbox)"
            + " + greatest(0, (SELECT coalesce(max(seq) + 1, 0) FROM audit_event)"
            + " - coalesce((SELECT next_seq FROM audit_feed_position WHERE feed = 'kafka'), 0))";

    private Backlog() {
    }

    /** Waits until nothing is queued; returns how long that took. Fails after {@code timeout}. */
    static Duration awaitEmpty(BenchEnvironment environment, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = environment.applicationConnection();
                Statement statement = connection.createStatement()) {
            Awaitility.await("the gateway's audit backlog drains").atMost(timeout)
                    .pollInterval(Duration.ofMillis(200)).until(() -> pending(statement) == 0);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static long pending(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(PENDING)) {
            row.next();
            return row.getLong(1);
        }
    }
}
