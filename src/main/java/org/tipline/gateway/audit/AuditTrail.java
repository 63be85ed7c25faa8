package org.tipline.gateway.audit;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the gateway records audit events: in the transaction of the change they record (they are sequenced into the
 * log moments after it commits), or on their own for events without a change (refusals, reads).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOGGER = Logger.getLogger(AuditTrail.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;

    AuditTrail(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records events in the caller's transaction. */
    public void record(Connection connection, AuditEntry... entries) throws SQLException {
        record(connection, Arrays.asList(entries));
    }

    /** Records events in the caller's transaction; an event about a report carries the report's platform. */
    public void record(Connection connection, Collection<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_inbox (at, type, actor_id,"
                + " actor_role, platform_id, report_id, destination, details) VALUES (?, ?, ?, ?,"
                + " coalesce(?, (SELECT platform_id FROM report WHERE id = ?)), ?, ?, ?::jsonb)")) {
            for (AuditEntry entry : entries) {
                Sql.setInstant(insert, 1, clock.instant());
                insert.setString(2, entry.type());
                insert.setString(3, entry.actor().id());
                insert.setString(4, entry.actor().role());
                insert.setString(5, entry.platformId());
                insert.setObject(6, entry.reportId());
                insert.setObject(7, entry.reportId());
                insert.setString(8, entry.destination());
                insert.setString(9, JSON.writeValueAsString(entry.details()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Audit details could not be serialized", e);
        }
    }

    /**
     * Records an event without a change of its own (a read) in a transaction of its own, before the read is answered:
     * if it cannot be recorded the read fails too ({@code LedgerUnavailable}), so nothing is read unaudited.
     */
    public void recordRead(AuditEntry entry) {
        database.inTransaction(connection -> {
            record(connection, entry);
            return null;
        });
    }

    /**
     * Records a refusal in a transaction of its own. A failure is logged and never reaches the refused caller's answer:
     * nothing was changed, and the refusal must stay a 4xx.
     */
    public void recordRefusal(AuditEntry entry) {
        try {
            recordRead(entry);
        } catch (RuntimeException e) {
            LOGGER.warnf("Could not record audit event %s: %s", entry.type(), e.getClass().getSimpleName());
        }
    }
}
