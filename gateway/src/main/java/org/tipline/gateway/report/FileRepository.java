package org.tipline.gateway.report;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.platform.crypto.ContentCipher;
import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code evidence_file} table; file details are encrypted like report content. */
@ApplicationScoped
public class FileRepository {

    private static final String COLUMNS = "id, report_id, size_bytes, md5, sha1, sha256, media_type, content_key_id,"
            + " uploaded_at, relevance, annotations, coalesce(octet_length(details), 0), after_submission, addition_id";

    private final ContentCipher cipher;

    FileRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    public void insert(Connection connection, ReportFile file) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence_file (id, report_id,"
                + " size_bytes, md5, sha1, sha256, media_type, content_key_id, uploaded_at, after_submission)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, file.id());
            insert.setObject(2, file.reportId());
            insert.setLong(3, file.sizeBytes());
            insert.setBytes(4, file.md5());
            insert.setBytes(5, file.sha1());
            insert.setBytes(6, file.sha256());
            insert.setString(7, file.mediaType());
            insert.setString(8, file.contentKeyId());
            Sql.setInstant(insert, 9, file.uploadedAt());
            insert.setBoolean(10, file.afterSubmission());
            insert.executeUpdate();
        }
    }

    /** The files of a report, oldest first. */
    public List<ReportFile> ofReport(Connection connection, UUID reportId) throws SQLException {
        List<ReportFile> files = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM evidence_file WHERE report_id = ? ORDER BY uploaded_at, id")) {
            select.setObject(1, reportId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    files.add(map(row));
                }
            }
        }
        return files;
    }

    /** The files submitted with the report itself (not those added later with supplements). */
    public List<ReportFile> submittedWith(Connection connection, UUID reportId) throws SQLException {
        return ofReport(connection, reportId).stream().filter(f -> !f.afterSubmission()).toList();
    }

    /**
     * The files submitted with each of {@code reportIds} and those each of {@code additionIds} forwards, oldest first,
     * in one query: by report id and by addition id (sources without files are absent).
     */
    public Map<UUID, List<ReportFile>> forwardedWith(Connection connection, Collection<UUID> reportIds,
            Collection<UUID> additionIds) throws SQLException {
        Map<UUID, List<ReportFile>> bySource = new HashMap<>();
        if (reportIds.isEmpty() && additionIds.isEmpty()) {
            return bySource;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM evidence_file"
                + " WHERE (report_id = ANY (?) AND NOT after_submission) OR addition_id = ANY (?)"
                + " ORDER BY uploaded_at, id")) {
            select.setArray(1, connection.createArrayOf("uuid", reportIds.toArray()));
            select.setArray(2, connection.createArrayOf("uuid", additionIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ReportFile file = map(row);
                    if (!file.afterSubmission() && reportIds.contains(file.reportId())) {
                        bySource.computeIfAbsent(file.reportId(), id -> new ArrayList<>()).add(file);
                    }
                    if (file.additionId() != null && additionIds.contains(file.additionId())) {
                        bySource.computeIfAbsent(file.additionId(), id -> new ArrayList<>()).add(file);
                    }
                }
            }
        }
        return bySource;
    }

    /** The files a supplement forwards. */
    public List<ReportFile> ofAddition(Connection connection, UUID additionId) throws SQLException {
        List<ReportFile> files = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM evidence_file WHERE addition_id = ? ORDER BY uploaded_at, id")) {
            select.setObject(1, additionId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    files.add(map(row));
                }
            }
        }
        return files;
    }

    /** Gives files uploaded after submission to a supplement; returns how many were still free to take. */
    public int attachToAddition(Connection connection, UUID reportId, List<UUID> fileIds, UUID additionId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE evidence_file SET addition_id = ?"
                + " WHERE report_id = ? AND id = ANY (?) AND after_submission AND addition_id IS NULL")) {
            update.setObject(1, additionId);
            update.setObject(2, reportId);
            update.setArray(3, connection.createArrayOf("uuid", fileIds.toArray()));
            return update.executeUpdate();
        }
    }

    /** Which of {@code fileIds} have a committed row. */
    public Set<UUID> existing(Connection connection, List<UUID> fileIds) throws SQLException {
        Set<UUID> found = new java.util.HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM evidence_file WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", fileIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    public Optional<ReportFile> find(Connection connection, UUID fileId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM evidence_file WHERE id = ?")) {
            select.setObject(1, fileId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        }
    }

    /** Sets a file's details (encrypted) and the facts kept in clear. */
    public void setDetails(Connection connection, UUID fileId, ReportDocument details, FileRelevance relevance,
            Set<FileAnnotation> annotations, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE evidence_file SET details_key_id = ?,"
                + " details = ?, relevance = ?, annotations = ?, details_updated_at = ? WHERE id = ?")) {
            update.setString(1, cipher.activeKeyId());
            update.setBytes(2, cipher.encrypt(details.canonicalBytes(), associatedData(fileId)));
            update.setString(3, relevance.name());
            update.setArray(4, connection.createArrayOf("text", annotations.stream().map(Enum::name).toArray()));
            Sql.setInstant(update, 5, at);
            update.setObject(6, fileId);
            update.executeUpdate();
        }
    }

    /** The decrypted details of those of {@code fileIds} that have them, in one query. */
    public Map<UUID, ReportDocument> details(Connection connection, Collection<UUID> fileIds) throws SQLException {
        Map<UUID, ReportDocument> details = new HashMap<>();
        if (fileIds.isEmpty()) {
            return details;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, details_key_id, details"
                + " FROM evidence_file WHERE id = ANY (?) AND details IS NOT NULL")) {
            select.setArray(1, connection.createArrayOf("uuid", fileIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    details.put(id, ReportDocument.ofCanonical(cipher.decrypt(row.getString(2), row.getBytes(3),
                            associatedData(id))));
                }
            }
        }
        return details;
    }

    private static ReportFile map(ResultSet row) throws SQLException {
        return new ReportFile(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getLong(3),
                row.getBytes(4), row.getBytes(5), row.getBytes(6), row.getString(7), row.getString(8),
                Sql.getInstant(row, 9), FileRelevance.valueOf(row.getString(10)), annotations(row.getArray(11)),
                row.getInt(12), row.getBoolean(13), row.getObject(14, UUID.class));
    }

    private static Set<FileAnnotation> annotations(Array array) throws SQLException {
        Set<FileAnnotation> annotations = EnumSet.noneOf(FileAnnotation.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(FileAnnotation::valueOf).forEach(annotations::add);
        }
        return annotations;
    }

    /** File details are bound to their file: ciphertext moved to another row does not decrypt. */
    static byte[] associatedData(UUID fileId) {
        return ByteBuffer.allocate(17).put((byte) 'F').putLong(fileId.getMostSignificantBits())
                .putLong(fileId.getLeastSignificantBits()).array();
    }
}
