package org.tipline.gateway.report;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.crypto.ContentCipher;
import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code report} table; content is encrypted on the way in and decrypted on the way out. */
@ApplicationScoped
public class ReportRepository {

    private static final String COLUMNS = "id, platform_id, state, incident_type, priority, opened_at, updated_at,"
            + " submitted_at, expires_at";

    private final ContentCipher cipher;

    ReportRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    /** Inserts a new report with its encrypted content. */
    public void insert(Connection connection, Report report, ReportDocument document) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO report (" + COLUMNS
                + ", content_digest, content_key_id, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindMetadata(insert, report);
            insert.setBytes(10, document.digest());
            insert.setString(11, cipher.activeKeyId());
            insert.setBytes(12, cipher.encrypt(document.canonicalBytes(), associatedData(report.id())));
            insert.executeUpdate();
        }
    }

    /** The report with {@code id}, locked for update when {@code forUpdate}. */
    public Optional<Report> find(Connection connection, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM report WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        }
    }

    /** The reports with the given ids, by id. */
    public Map<UUID, Report> findAll(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Report> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM report WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Report report = map(row);
                    found.put(report.id(), report);
                }
            }
        }
        return found;
    }

    /** Writes a changed report's state and timestamps (not its content). */
    public void updateState(Connection connection, Report report) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE report SET state = ?, priority = ?,"
                + " updated_at = ?, submitted_at = ?, expires_at = ? WHERE id = ?")) {
            update.setString(1, report.state().name());
            update.setInt(2, report.priority().rank());
            Sql.setInstant(update, 3, report.updatedAt());
            Sql.setInstant(update, 4, report.submittedAt());
            Sql.setInstant(update, 5, report.expiresAt());
            update.setObject(6, report.id());
            update.executeUpdate();
        }
    }

    /** The decrypted content of the given reports, by id. */
    public Map<UUID, ReportDocument> contents(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, ReportDocument> contents = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, content_key_id, content FROM report WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    byte[] plain = cipher.decrypt(row.getString(2), row.getBytes(3), associatedData(id));
                    contents.put(id, ReportDocument.ofCanonical(plain));
                }
            }
        }
        return contents;
    }

    private static void bindMetadata(PreparedStatement statement, Report report) throws SQLException {
        statement.setObject(1, report.id());
        statement.setString(2, report.platformId());
        statement.setString(3, report.state().name());
        statement.setString(4, report.incidentType());
        statement.setInt(5, report.priority().rank());
        Sql.setInstant(statement, 6, report.openedAt());
        Sql.setInstant(statement, 7, report.updatedAt());
        Sql.setInstant(statement, 8, report.submittedAt());
        Sql.setInstant(statement, 9, report.expiresAt());
    }

    static Report map(ResultSet row) throws SQLException {
        return new Report(row.getObject("id", UUID.class), row.getString("platform_id"),
                ReportState.valueOf(row.getString("state")), row.getString("incident_type"),
                Priority.ofRank(row.getInt("priority")), Sql.getInstant(row, "opened_at"),
                Sql.getInstant(row, "updated_at"), Sql.getInstant(row, "submitted_at"),
                Sql.getInstant(row, "expires_at"));
    }

    /** Binds ciphertext to its row: content copied to another report id does not decrypt. */
    private static byte[] associatedData(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
