package org.tipline.gateway.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportDocument;

/**
 * The Kafka model, as a receiver reads it once opened (docs/kafka-envelope.md,
 * {@code src/main/resources/schema/envelope-v2.schema.json}); the report and file details are the canonical JSON
 * the ledger keeps. On the wire only the routing fields and digests are in
 * clear; {@code platformId}, {@code report} and {@code files} travel sealed to the destination's key
 * ({@link EnvelopeCodec}).
 */
public record Envelope(UUID messageId, MessageKind kind, UUID reportId, String destination, Priority priority,
        String platformId, Instant submittedAt, ReportDocument report, List<FileReference> files) {

    /** Version of the envelope's shape; consumers reject versions they do not know. */
    public static final int SCHEMA_VERSION = 2;

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(report, "report");
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * The envelope of an outbox message: the content is the report for kind REPORT, the supplement or escalation
     * otherwise; the priority is the message's (an escalation's new priority).
     */
    public static Envelope from(OutboxMessage message, MessageContents.Content content, List<FileReference> files) {
        return new Envelope(message.messageId(), message.kind(), message.reportId(), message.destination(),
                message.priority(), content.platformId(), content.submittedAt(), content.document(), files);
    }

    /**
     * An evidence file, fetched by the receiver from {@code href}; {@code details} as the platform set them (null
     * without).
     */
    public record FileReference(UUID fileId, long sizeBytes, String sha256, String md5, String mediaType,
            String href, ReportDocument details) {
    }
}
