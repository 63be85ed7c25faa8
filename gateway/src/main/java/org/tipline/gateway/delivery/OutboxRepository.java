package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code outbox} table. */
@ApplicationScoped
public class OutboxRepository {

    /** Queues messages in the caller's transaction. */
    public void enqueue(Connection connection, Collection<OutboxMessage> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (message_id, report_id,"
                + " destination, topic, kind, priority, created_at, addition_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OutboxMessage message : messages) {
                insert.setObject(1, message.messageId());
                insert.setObject(2, message.reportId());
                insert.setString(3, message.destination());
                insert.setString(4, message.topic());
                insert.setString(5, message.kind().name());
                insert.setInt(6, message.priority().rank());
                Sql.setInstant(insert, 7, message.createdAt());
                insert.setObject(8, message.additionId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Claims up to {@code limit} messages, most urgent first, locking them until the transaction ends; rows another
     * relay holds are skipped.
     */
    public List<OutboxMessage> claim(Connection connection, int limit) throws SQLException {
        List<OutboxMessage> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, message_id, report_id, destination,"
                + " topic, kind, priority, created_at, attempts, addition_id FROM outbox ORDER BY priority, id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    claimed.add(new OutboxMessage(row.getLong(1), row.getObject(2, UUID.class),
                            row.getObject(3, UUID.class), row.getString(4), row.getString(5),
                            MessageKind.valueOf(row.getString(6)), Priority.ofRank(row.getInt(7)),
                            row.getObject(10, UUID.class), Sql.getInstant(row, 8), row.getInt(9)));

                }
            }
        }
        return claimed;
    }

    /** Removes messages the broker has acknowledged. */
    public void delete(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    /** Counts a failed attempt and keeps the broker's error (which never contains content). */
    public void recordFailure(Connection connection, Collection<Long> ids, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")) {
            update.setString(1, error);
            update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }
}
