package org.tipline.gateway.report;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.platform.crypto.ContentCipher;
import org.tipline.gateway.platform.db.Sql;

/** SQL for {@code report_addition}: supplements and escalations, their content encrypted like reports'. */
@ApplicationScoped
public class AdditionRepository {

    /** Supplement or escalation. */
    public enum Kind {
        SUPPLEMENT, ESCALATION
    }

    private final ContentCipher cipher;

    AdditionRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    public void insert(Connection connection, UUID id, UUID reportId, Kind kind, Priority priority,
            ReportDocument content, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO report_addition (id, report_id, kind,"
                + " created_at, priority, content_digest, content_key_id, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, reportId);
            insert.setString(3, kind.name());
            Sql.setInstant(insert, 4, at);
            insert.setInt(5, priority.rank());
            insert.setBytes(6, content.digest());
            insert.setString(7, cipher.activeKeyId());
            insert.setBytes(8, cipher.encrypt(content.canonicalBytes(), associatedData(id)));
            insert.executeUpdate();
        }
    }

    /** The decrypted content of the given additions, by id. */
    public Map<UUID, ReportDocument> contents(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, ReportDocument> contents = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, content_key_id, content FROM report_addition WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    contents.put(id, ReportDocument.ofCanonical(
                            cipher.decrypt(row.getString(2), row.getBytes(3), associatedData(id))));
                }
            }
        }
        return contents;
    }

    private static byte[] associatedData(UUID id) {
        return ByteBuffer.allocate(17).put((byte) 'A').putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }
}
