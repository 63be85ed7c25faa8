package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.tipline.gateway.kernel.ReportDocument;

/**
 * Where envelopes get what they carry: the port delivery defines and the feature that owns reports, supplements and
 * escalations implements, so delivery never reads their tables. Called in the relay's transaction.
 */
public interface MessageContents {

    /** The content of each message of {@code batch}, by message id; a message whose source is gone is absent. */
    Map<UUID, Content> of(Connection connection, List<OutboxMessage> batch) throws SQLException;

    /**
     * What one message carries.
     *
     * @param document the report for kind REPORT, the supplement or escalation otherwise (canonical JSON)
     * @param files the evidence files the message forwards
     */
    record Content(String platformId, Instant submittedAt, ReportDocument document, List<File> files) {

        public Content {
            Objects.requireNonNull(platformId, "platformId");
            Objects.requireNonNull(document, "document");
            files = List.copyOf(files);
        }
    }

    /** An evidence file a message forwards, with the details the platform set (or null). */
    record File(UUID fileId, long sizeBytes, String sha256, String md5, String mediaType,
            ReportDocument details) {
    }
}
