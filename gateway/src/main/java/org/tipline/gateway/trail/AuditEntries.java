package org.tipline.gateway.trail;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tipline.core.json.CanonicalJson;

/**
 * The events of the audit trail and what each records: identifiers, digests, codes and counts, never report content
 * or personal data. Free text a principal supplies (a rejection reason, an escalation reason) is recorded only as its
 * SHA-256.
 */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditEntry reportOpened(AuditActor actor, String platformId, UUID reportId, String incidentType,
            String priority, byte[] contentDigest, boolean batched) {
        return new AuditEntry("report.opened", actor, platformId, reportId, null, details("incidentType", incidentType,
                "priority", priority, "contentDigest", hex(contentDigest), "batched", batched));
    }

    /** A report was finished and routed: {@code rulesByDestination} names the rules behind each destination. */
    public static AuditEntry reportSubmitted(AuditActor actor, String platformId, UUID reportId,
            byte[] contentDigest, List<String> fileSha256s, List<String> destinations, String receiptSha256,
            Map<String, List<String>> rulesByDestination) {
        return new AuditEntry("report.submitted", actor, platformId, reportId, null, details("contentDigest",
                hex(contentDigest), "files", fileSha256s, "destinations", destinations, "receiptDigest",
                receiptSha256, "rules", new java.util.TreeMap<>(rulesByDestination)));
    }

    public static AuditEntry reportRetracted(AuditActor actor, String platformId, UUID reportId) {
        return new AuditEntry("report.retracted", actor, platformId, reportId, null, Map.of());
    }

    public static AuditEntry reportExpired(String platformId, UUID reportId) {
        return new AuditEntry("report.expired", AuditActor.LIFECYCLE, platformId, reportId, null, Map.of());
    }

    public static AuditEntry reportRejected(AuditActor actor, String platformId, String path, int status,
            String problemType, List<String> codes) {
        return new AuditEntry("report.rejected", actor, platformId, null, null, details("path", path, "status",
                status, "problem", problemType, "codes", codes));
    }

    public static AuditEntry fileUploaded(AuditActor actor, String platformId, UUID reportId, UUID fileId,
            long sizeBytes, String sha256, boolean afterSubmission) {
        return new AuditEntry("file.uploaded", actor, platformId, reportId, null, details("fileId", fileId,
                "sizeBytes", sizeBytes, "sha256", sha256, "afterSubmission", afterSubmission));
    }

    public static AuditEntry fileDetailsSet(AuditActor actor, String platformId, UUID reportId, UUID fileId,
            byte[] detailsDigest, String relevance, List<String> annotations) {
        return new AuditEntry("file.details_set", actor, platformId, reportId, null, details("fileId", fileId,
                "detailsDigest", hex(detailsDigest), "relevance", relevance, "annotations", annotations));
    }

    public static AuditEntry forwarded(String platformId, UUID reportId, String destination, UUID messageId,
            String kind, String topic, int partition, long offset) {
        return new AuditEntry("delivery.forwarded", AuditActor.RELAY, platformId, reportId, destination,
                details("messageId", messageId, "kind", kind, "topic", topic, "partition", partition, "offset",
                        offset));
    }

    public static AuditEntry acknowledged(AuditActor actor, UUID reportId, String destination, String state,
            String externalReference, String reason, String source) {
        return new AuditEntry(state.equals("ACKNOWLEDGED") ? "delivery.acknowledged" : "delivery.rejected", actor,
                null, reportId, destination, details("externalReference", externalReference, "reasonDigest",
                        digestOf(reason), "source", source));
    }

    /**
     * An acknowledgement refused because it does not prove to come from its destination: only checked values (a
     * known destination, a well-formed report id) and a reason code, never what the sender wrote.
     */
    /** A message to a destination was parked: its attempts were exhausted, or it can never be sent. */
    public static AuditEntry deliveryFailed(String platformId, UUID reportId, String destination, UUID messageId,
            String kind, int attempts, String code) {
        return new AuditEntry("delivery.failed", AuditActor.RELAY, platformId, reportId, destination, details(
                "messageId", messageId, "kind", kind, "attempts", attempts, "code", code));
    }

    /** An operator put a failed delivery's parked messages back in the queue. */
    public static AuditEntry deliveryRetried(AuditActor actor, UUID reportId, String destination, int messages) {
        return new AuditEntry("delivery.retried", actor, null, reportId, destination, details("messages", messages));
    }

    public static AuditEntry ackRefused(UUID reportId, String destination, String source, String reason) {
        return new AuditEntry("delivery.ack_refused", AuditActor.ACKS, null, reportId, destination, details(
                "source", source, "reason", reason));
    }

    public static AuditEntry supplemented(AuditActor actor, String platformId, UUID reportId, UUID supplementId,
            byte[] contentDigest, List<UUID> fileIds, List<String> destinations) {
        return new AuditEntry("report.supplemented", actor, platformId, reportId, null, details("supplementId",
                supplementId, "contentDigest", hex(contentDigest), "fileIds", fileIds, "destinations", destinations));
    }

    public static AuditEntry escalated(AuditActor actor, String platformId, UUID reportId, UUID escalationId,
            String priority, byte[] contentDigest, List<String> destinations) {
        return new AuditEntry("report.escalated", actor, platformId, reportId, null, details("escalationId",
                escalationId, "priority", priority, "contentDigest", hex(contentDigest), "destinations", destinations));
    }

    public static AuditEntry evidenceAccessed(AuditActor actor, UUID reportId, String destination, UUID fileId,
            String sha256) {
        return new AuditEntry("evidence.accessed", actor, null, reportId, destination, details("fileId", fileId,
                "sha256", sha256));
    }

    public static AuditEntry credentialCreated(AuditActor actor, UUID credentialId, String role, String platformId,
            List<String> destinations) {
        return new AuditEntry("credential.created", actor, platformId, null, null, details("credentialId",
                credentialId, "role", role, "destinations", destinations));
    }

    public static AuditEntry credentialRevoked(AuditActor actor, UUID credentialId) {
        return new AuditEntry("credential.revoked", actor, null, null, null, details("credentialId", credentialId));
    }

    public static AuditEntry platformRegistered(AuditActor actor, String platformId, List<String> regimes) {
        return new AuditEntry("platform.registered", actor, platformId, null, null, details("regimes", regimes));
    }

    /** A read of the audit trail; {@code count} is what it returned, or negative when not known in advance. */
    public static AuditEntry auditRead(AuditActor actor, String what, Map<String, Object> query, long count) {
        return new AuditEntry("audit.read", actor, null, null, null, details("what", what, "query", query, "count",
                count < 0 ? null : count));
    }

    /** SHA-256 (base64) of text a principal supplied, or null. */
    static String digestOf(String text) {
        return text == null
                ? null
                : Base64.getEncoder().encodeToString(CanonicalJson.sha256(text.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] digest) {
        return digest == null ? null : HexFormat.of().formatHex(digest);
    }

    /** Details from name-value pairs; absent (null) values are left out, ids become strings. */
    private static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value instanceof UUID id) {
                value = id.toString();
            } else if (value instanceof List<?> list) {
                value = list.stream().map(String::valueOf).toList();
            }
            if (value != null) {
                details.put((String) namesAndValues[i], value);
            }
        }
        return details;
    }
}
