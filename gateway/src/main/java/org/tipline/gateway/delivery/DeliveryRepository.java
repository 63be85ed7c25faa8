package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code delivery} table: per report and destination, how far delivery got. */
@ApplicationScoped
public class DeliveryRepository {

    /** Records that the report is queued for each destination. */
    public void insertPending(Connection connection, Map<UUID, ? extends Collection<String>> destinationsByReport)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO delivery (report_id, destination, state) VALUES (?, ?, 'PENDING')")) {
            for (Map.Entry<UUID, ? extends Collection<String>> report : destinationsByReport.entrySet()) {
                for (String destination : report.getValue()) {
                    insert.setObject(1, report.getKey());
                    insert.setString(2, destination);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The delivery state of a report at each of its destinations, in destination order. */
    public List<DeliveryStatus> ofReport(Connection connection, UUID reportId) throws SQLException {
        List<DeliveryStatus> statuses = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT destination, state, forwarded_at,"
                + " acknowledged_at, external_reference, reason, failed_at, failure, NULL FROM delivery"
                + " WHERE report_id = ?"
                + " ORDER BY destination")) {
            select.setObject(1, reportId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    statuses.add(map(row));
                }
            }
        }
        return statuses;
    }

    /**
     * PENDING becomes FORWARDED; a delivery already acknowledged only gains its forwarding time. One statement for
     * the whole batch.
     */
    public void markForwarded(Connection connection, Collection<OutboxMessage> sent, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE delivery d SET"
                + " state = CASE WHEN d.state = 'PENDING' THEN 'FORWARDED' ELSE d.state END,"
                + " forwarded_at = COALESCE(d.forwarded_at, ?) FROM unnest(?::uuid[], ?::text[]) AS m(report_id,"
                + " destination) WHERE d.report_id = m.report_id AND d.destination = m.destination")) {
            Sql.setInstant(update, 1, at);
            update.setArray(2, connection.createArrayOf("uuid",
                    sent.stream().map(OutboxMessage::reportId).toArray()));
            update.setArray(3, connection.createArrayOf("text",
                    sent.stream().map(OutboxMessage::destination).toArray()));
            update.executeUpdate();
        }
    }

    /** The delivery of a report to a destination, locked until the transaction ends. */
    public Optional<DeliveryStatus> lock(Connection connection, UUID reportId, String destination) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.destination, d.state, d.forwarded_at,"
                + " d.acknowledged_at, d.external_reference, d.reason, d.failed_at, d.failure, r.submitted_at"
                + " FROM delivery d"
                + " JOIN report r ON r.id = d.report_id WHERE d.report_id = ? AND d.destination = ? FOR UPDATE OF d")) {
            select.setObject(1, reportId);
            select.setString(2, destination);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        }
    }

    private static DeliveryStatus map(ResultSet row) throws SQLException {
        return new DeliveryStatus(row.getString(1), row.getString(2), Sql.getInstant(row, 3), Sql.getInstant(row, 4),
                row.getString(5), row.getString(6), Sql.getInstant(row, 7), row.getString(8), Sql.getInstant(row, 9));
    }

    /**
     * Records that a message of each delivery was parked: a delivery still PENDING or FORWARDED becomes FAILED; one
     * the receiver already answered keeps its state and only shows the failure.
     */
    public void markFailed(Connection connection, Collection<OutboxRepository.Failure> failures, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET"
                + " state = CASE WHEN state IN ('PENDING', 'FORWARDED') THEN 'FAILED' ELSE state END,"
                + " failed_at = ?, failure = ? WHERE report_id = ? AND destination = ?")) {
            for (OutboxRepository.Failure failure : failures) {
                Sql.setInstant(update, 1, at);
                update.setString(2, failure.message().kind() + " message: " + failure.reason());
                update.setObject(3, failure.message().reportId());
                update.setString(4, failure.message().destination());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Clears a delivery's failure for a retry: FAILED goes back to FORWARDED if it ever was, else PENDING. */
    public void clearFailure(Connection connection, UUID reportId, String destination) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET state = CASE"
                + " WHEN state <> 'FAILED' THEN state WHEN forwarded_at IS NULL THEN 'PENDING' ELSE 'FORWARDED' END,"
                + " failed_at = NULL, failure = NULL WHERE report_id = ? AND destination = ?")) {
            update.setObject(1, reportId);
            update.setString(2, destination);
            update.executeUpdate();
        }
    }

    /** A delivery with a parked message, for operators. */
    public record Failed(UUID reportId, String destination, String state, Instant failedAt, String failure) {
    }

    /** Deliveries with a parked message, oldest failure first, at most {@code limit}. */
    public List<Failed> failed(Connection connection, int limit) throws SQLException {
        List<Failed> failed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT report_id, destination, state,"
                + " failed_at, failure FROM delivery WHERE failed_at IS NOT NULL ORDER BY failed_at, report_id,"
                + " destination LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    failed.add(new Failed(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            Sql.getInstant(row, 4), row.getString(5)));
                }
            }
        }
        return failed;
    }

    /** Records the receiver's verdict. */
    public void acknowledge(Connection connection, UUID reportId, String destination, String state, Instant at,
            String externalReference, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET state = ?,"
                + " acknowledged_at = ?, external_reference = ?, reason = ? WHERE report_id = ? AND destination = ?")) {
            update.setString(1, state);
            Sql.setInstant(update, 2, at);
            update.setString(3, externalReference);
            update.setString(4, reason);
            update.setObject(5, reportId);
            update.setString(6, destination);
            update.executeUpdate();
        }
    }
}
