package org.tipline.gateway.report;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.kernel.ReportState;
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
    public void insert(Connection connection, Report report, ReportDocument document, boolean batched)
            throws SQLException {
        insert(connection, List.of(new Row(report, document, batched, null, null)));
    }

    /** New reports (open, or already submitted with their routing and receipt), in one multi-row statement. */
    void insertAll(Connection connection, List<NewReport> reports) throws SQLException {
        List<Row> rows = new ArrayList<>(reports.size());
        for (NewReport report : reports) {
            Submission.Plan submission = report.submission();
            rows.add(new Row(report.row(), report.document(), report.batched(),
                    submission == null ? null : submission.rulesByDestination(),
                    submission == null ? null : submission.receipt()));
        }
        insert(connection, rows);
    }

    private void insert(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO report (" + COLUMNS
                + ", content_digest, content_key_id, content, batched, destinations, routing, receipt)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            for (Row row : rows) {
                Report report = row.report();
                insert.setObject(1, report.id());
                insert.setString(2, report.platformId());
                insert.setString(3, report.state().name());
                insert.setString(4, report.incidentType());
                insert.setInt(5, report.priority().rank());
                Sql.setInstant(insert, 6, report.openedAt());
                Sql.setInstant(insert, 7, report.updatedAt());
                Sql.setInstant(insert, 8, report.submittedAt());
                Sql.setInstant(insert, 9, report.expiresAt());
                insert.setBytes(10, row.document().digest());
                insert.setString(11, cipher.activeKeyId());
                insert.setBytes(12, cipher.encrypt(row.document().canonicalBytes(), associatedData(report.id())));
                insert.setBoolean(13, row.batched());
                insert.setArray(14, row.routing() == null
                        ? null
                        : connection.createArrayOf("text", row.routing().keySet().stream().sorted().toArray()));
                insert.setString(15, row.routing() == null ? null : RoutingJson.write(row.routing()));
                insert.setString(16, row.receipt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A report row to insert: routing and receipt only when it is inserted as submitted. */
    private record Row(Report report, ReportDocument document, boolean batched, Map<String, List<String>> routing,
            String receipt) {
    }

    /** The report with {@code id} if it belongs to {@code platformId}; locked for update when {@code forUpdate}. */
    public Optional<Report> findOwned(Connection connection, UUID id, String platformId, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM report WHERE id = ? AND platform_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setObject(1, id);
            select.setString(2, platformId);
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

    /** Freezes a finished report with its routing decision and receipt. */
    public void submit(Connection connection, Report submitted, Map<String, List<String>> routing, String receipt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE report SET state = 'SUBMITTED',"
                + " updated_at = ?, submitted_at = ?, expires_at = NULL, destinations = ?, routing = ?::jsonb,"
                + " receipt = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, submitted.updatedAt());
            Sql.setInstant(update, 2, submitted.submittedAt());
            update.setArray(3, connection.createArrayOf("text", routing.keySet().stream().sorted().toArray()));
            update.setString(4, RoutingJson.write(routing));
            update.setString(5, receipt);
            update.setObject(6, submitted.id());
            update.executeUpdate();
        }
    }

    /** The destinations a submitted report was routed to. */
    public List<String> destinations(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT destinations FROM report WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getArray(1) != null
                        ? List.of((String[]) row.getArray(1).getArray())
                        : List.of();
            }
        }
    }

    /** Raises a submitted report's priority. */
    public void updatePriority(Connection connection, UUID id, Priority priority) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE report SET priority = ? WHERE id = ?")) {
            update.setInt(1, priority.rank());
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** The receipt of a submitted report. */
    public Optional<String> receipt(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT receipt FROM report WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The decrypted content of one report. */
    public ReportDocument content(Connection connection, UUID id) throws SQLException {
        ReportDocument document = contents(connection, List.of(id)).get(id);
        if (document == null) {
            throw new ReportNotFoundException(id);
        }
        return document;
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

    /**
     * A page of a platform's reports, newest first, after the {@code before} id when given: up to {@code limit + 1}
     * rows, the extra one telling the caller that another page follows.
     */
    public List<Report> list(Connection connection, String platformId, ReportQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM report WHERE platform_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(platformId));
        if (query.state() != null) {
            sql.append(" AND state = ?");
            parameters.add(query.state().name());
        }
        if (query.from() != null) {
            sql.append(" AND opened_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND opened_at < ?");
            parameters.add(query.to());
        }
        if (query.before() != null) {
            sql.append(" AND id < ?");
            parameters.add(query.before());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(query.limit() + 1);
        List<Report> reports = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof Instant instant) {
                    Sql.setInstant(select, i + 1, instant);
                } else {
                    select.setObject(i + 1, parameter);
                }
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reports.add(map(row));
                }
            }
        }
        return reports;
    }

    /** Locks up to {@code limit} open reports whose expiry has passed, skipping ones another instance holds. */
    public List<Report> lockExpired(Connection connection, Instant now, int limit) throws SQLException {
        List<Report> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM report"
                + " WHERE state = 'OPEN' AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            Sql.setInstant(select, 1, now);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(map(row));
                }
            }
        }
        return due;
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
