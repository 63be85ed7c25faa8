package org.tipline.gateway.trail;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An event as the code that causes it records it: type, actor, what it concerns, and details that are identifiers,
 * digests and counts only. The log gives it its time of sequencing order and its {@code seq}.
 */
public record AuditEntry(String type, AuditActor actor, String platformId, UUID reportId, String destination,
        Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        details = details == null ? Map.of() : new TreeMap<>(details);
    }
}
