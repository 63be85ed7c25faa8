package org.tipline.gateway.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.tipline.gateway.kernel.Priority;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kafka model: what a destination's intake system receives (docs/kafka-envelope.md and
 * src/main/resources/schema/envelope-v1.schema.json). {@code signature} is a detached EdDSA JWS over the RFC 8785
 * canonical JSON of the envelope without {@code signature}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(int schemaVersion, UUID messageId, MessageKind kind, UUID reportId, String destination,
        Priority priority, String platformId, Instant submittedAt, JsonNode report, List<FileReference> files,
        String signature) {

    /** Version of this envelope's shape; consumers reject versions they do not know. */
    public static final int SCHEMA_VERSION = 1;

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(platformId, "platformId");
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * The unsigned envelope of an outbox message: the content is the report for kind REPORT, the supplement or
     * escalation otherwise; the priority is the message's (an escalation's new priority).
     */
    public static Envelope from(OutboxMessage message, MessageContents.Content content, List<FileReference> files) {
        return new Envelope(SCHEMA_VERSION, message.messageId(), message.kind(), message.reportId(),
                message.destination(), message.priority(), content.platformId(), content.submittedAt(),
                content.document(), files, null);
    }

    public Envelope withSignature(String detachedJws) {
        return new Envelope(schemaVersion, messageId, kind, reportId, destination, priority, platformId, submittedAt,
                report, files, detachedJws);
    }

    /** An evidence file, fetched by the receiver from {@code href}; {@code details} as the platform set them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileReference(UUID fileId, long sizeBytes, String sha256, String md5, String mediaType,
            String href, JsonNode details) {
    }
}
