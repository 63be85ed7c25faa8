package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code delivery} table: per report and destination, how far delivery got. */
@ApplicationScoped
public class DeliveryRepository {

    /** Records that the report is queued for each destination. */
    public void insertPending(Connection connection, UUID reportId, Collection<String> destinations)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO delivery (report_id, destination, state) VALUES (?, ?, 'PENDING')")) {
            for (String destination : destinations) {
                insert.setObject(1, reportId);
                insert.setString(2, destination);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** PENDING becomes FORWARDED; a delivery already acknowledged only gains its forwarding time. */
    public void markForwarded(Connection connection, UUID reportId, String destination, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET"
                + " state = CASE WHEN state = 'PENDING' THEN 'FORWARDED' ELSE state END,"
                + " forwarded_at = COALESCE(forwarded_at, ?) WHERE report_id = ? AND destination = ?")) {
            Sql.setInstant(update, 1, at);
            update.setObject(2, reportId);
            update.setString(3, destination);
            update.executeUpdate();
        }
    }
}
