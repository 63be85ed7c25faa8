package org.tipline.gateway.audit;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.trail.AuditActor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event of the audit log. Its leaf in the Merkle tree is SHA-256(0x00 || the RFC 8785 canonical JSON of every
 * field but {@code leafHash}); {@code at} is kept to the microsecond, as PostgreSQL stores it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(long seq, Instant at, String type, AuditActor actor, String platformId, UUID reportId,
        String destination, JsonNode details, String leafHash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The canonical bytes the leaf hash covers. */
    public byte[] canonicalBytes() {
        ObjectNode event = JSON.createObjectNode();
        event.put("seq", seq);
        event.put("at", at.truncatedTo(ChronoUnit.MICROS).toString());
        event.put("type", type);
        event.putObject("actor").put("id", actor.id()).put("role", actor.role());
        if (platformId != null) {
            event.put("platformId", platformId);
        }
        if (reportId != null) {
            event.put("reportId", reportId.toString());
        }
        if (destination != null) {
            event.put("destination", destination);
        }
        event.set("details", details);
        return CanonicalJson.canonicalize(event);
    }

    /** The event as exported: its canonical fields and the base64 leaf hash. */
    public String toJsonLine() {
        try {
            ObjectNode line = (ObjectNode) JSON.readTree(canonicalBytes());
            line.put("leafHash", leafHash);
            return JSON.writeValueAsString(line);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("An audit event could not be serialized", e);
        }
    }
}
