package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.platform.db.QueueScans;
import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code outbox} table. */
@ApplicationScoped
public class OutboxRepository {

    /**
     * A failed attempt at one message: a stable code (audited), what happened (for operators; never content), and
     * when to try again (ignored when the message is parked).
     */
    public record Failure(OutboxMessage message, String code, String detail, Instant nextAttemptAt) {

        public String reason() {
            return code + ": " + detail;
        }
    }

    /** Queues messages in the caller's transaction. */
    public void enqueue(Connection connection, Collection<OutboxMessage> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (message_id, report_id,"
                + " destination, topic, kind, priority, created_at, addition_id, content_bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OutboxMessage message : messages) {
                insert.setObject(1, message.messageId());
                insert.setObject(2, message.reportId());
                insert.setString(3, message.destination());
                insert.setString(4, message.topic());
                insert.setString(5, message.kind().name());
                insert.setInt(6, message.priority().rank());
                Sql.setInstant(insert, 7, message.createdAt());
                insert.setObject(8, message.additionId());
                insert.setInt(9, message.contentBytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The claim. However stale the planner's statistics of the queue, it reads the candidates in queue order by the
     * {@code outbox_queue} index and checks each for an earlier message by the index on (report, destination, id):
     * <ul>
     * <li>The {@code OFFSET 0} keeps that check a subquery run per candidate: pulled up into an anti-join, it scanned
     * the whole (report, destination, id) index for every candidate when a VACUUM of the drained queue had left
     * statistics of about one row, and a backlog built by the next burst cost seconds per claim.</li>
     * <li>The check compares whole (report, destination, id) rows, which only that index can serve: written as
     * {@code earlier.id < outbox.id}, an ANALYZE of a short queue let the planner serve it by the primary key, and
     * every candidate then walked every id below its own, including each message sent and deleted since the last
     * VACUUM (tens of thousands a minute: 80 ms a claim, the relay falling behind, see docs/performance.md).</li>
     * <li>It runs with index scans only ({@link QueueScans}): with statistics of a nearly empty queue the planner
     * otherwise read the whole backlog, and ran the check for every row of it.</li>
     * </ul>
     */
    static final String CLAIM = "SELECT id, message_id, report_id, destination, topic, kind, priority, created_at,"
            + " attempts, addition_id, content_bytes FROM outbox"
            + " WHERE failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.report_id = outbox.report_id"
            + " AND earlier.destination = outbox.destination"
            + " AND (earlier.report_id, earlier.destination, earlier.id) < (outbox.report_id, outbox.destination,"
            + " outbox.id) OFFSET 0)"
            + " ORDER BY priority, id LIMIT ? FOR UPDATE SKIP LOCKED";

    /**
     * Claims up to {@code limit} messages that are due at {@code now}, most urgent first, locking them until the
     * transaction ends; rows another relay holds, rows waiting out a back-off and parked rows are skipped, and so is
     * a message while an earlier one about the same report to the same destination is still queued (a supplement
     * never overtakes its report).
     */
    public List<OutboxMessage> claim(Connection connection, int limit, Instant now) throws SQLException {
        return QueueScans.indexScansOnly(connection, scanned -> {
            List<OutboxMessage> claimed = new ArrayList<>();
            try (PreparedStatement select = scanned.prepareStatement(CLAIM)) {
                Sql.setInstant(select, 1, now);
                select.setInt(2, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        claimed.add(new OutboxMessage(row.getLong(1), row.getObject(2, UUID.class),
                                row.getObject(3, UUID.class), row.getString(4), row.getString(5),
                                MessageKind.valueOf(row.getString(6)), Priority.ofRank(row.getInt(7)),
                                row.getObject(10, UUID.class), Sql.getInstant(row, 8), row.getInt(9),
                                row.getInt(11)));
                    }
                }
            }
            return claimed;
        });
    }

    /** Removes messages the broker has acknowledged. */
    public void delete(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    /** Counts a failed attempt at each message, keeps why (never content) and when to try again. */
    public void retryLater(Connection connection, Collection<Failure> failures) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET attempts = attempts + 1,"
                + " last_error = ?, next_attempt_at = ? WHERE id = ?")) {
            for (Failure failure : failures) {
                update.setString(1, failure.reason());
                Sql.setInstant(update, 2, failure.nextAttemptAt());
                update.setLong(3, failure.message().id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Parks messages: the relay skips them until {@link #unpark} (an operator's retry). */
    public void park(Connection connection, Collection<Failure> failures, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET attempts = attempts + 1,"
                + " last_error = ?, failed_at = ?, next_attempt_at = NULL WHERE id = ?")) {
            for (Failure failure : failures) {
                update.setString(1, failure.reason());
                Sql.setInstant(update, 2, at);
                update.setLong(3, failure.message().id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Holds messages whose broker answer is still awaited until {@code until}, so no relay sends them again. */
    public void lease(Connection connection, Collection<OutboxMessage> messages, Instant until) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET next_attempt_at = ? WHERE id = ANY (?)")) {
            Sql.setInstant(update, 1, until);
            update.setArray(2, connection.createArrayOf("bigint", messages.stream().map(OutboxMessage::id)
                    .toArray()));
            update.executeUpdate();
        }
    }

    /** Makes messages due again without counting an attempt (their send was interrupted by an outage). */
    public void release(Connection connection, Collection<OutboxMessage> messages) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET next_attempt_at = NULL WHERE id = ANY (?) AND failed_at IS NULL")) {
            update.setArray(1, connection.createArrayOf("bigint", messages.stream().map(OutboxMessage::id)
                    .toArray()));
            update.executeUpdate();
        }
    }

    /** Puts the parked messages of a delivery back in the queue with their attempts reset; returns how many. */
    public int unpark(Connection connection, UUID reportId, String destination) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET failed_at = NULL,"
                + " attempts = 0, next_attempt_at = NULL WHERE report_id = ? AND destination = ?"
                + " AND failed_at IS NOT NULL")) {
            update.setObject(1, reportId);
            update.setString(2, destination);
            return update.executeUpdate();
        }
    }
}
