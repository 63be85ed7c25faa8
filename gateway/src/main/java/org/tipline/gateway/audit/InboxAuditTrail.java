package org.tipline.gateway.audit;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.Sql;
import org.tipline.gateway.trail.AuditEntry;
import org.tipline.gateway.trail.AuditTrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail as the features write it: rows of {@code audit_inbox}, in the transaction of the change they record,
 * which the {@link org.tipline.gateway.audit.log.AuditSequencer} moves into the log moments after the commit.
 */
@ApplicationScoped
public class InboxAuditTrail implements AuditTrail {

    private static final Logger LOGGER = Logger.getLogger(InboxAuditTrail.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;

    InboxAuditTrail(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** An event about a report carries the report's platform. */
    @Override
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

    @Override
    public void recordRead(AuditEntry entry) {
        database.inTransaction(connection -> {
            record(connection, entry);
            return null;
        });
    }

    @Override
    public void recordRefusal(AuditEntry entry) {
        try {
            recordRead(entry);
        } catch (RuntimeException e) {
            LOGGER.warnf("Could not record audit event %s: %s", entry.type(), e.getClass().getSimpleName());
        }
    }
}
