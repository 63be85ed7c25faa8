package org.tipline.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A search of the audit log: filters, oldest first, a page of {@code limit} after {@code afterSeq}. */
public record AuditQuery(UUID reportId, String platformId, String actor, String type, Instant from, Instant to,
        Long afterSeq, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The filters, as the audit.read event records them. */
    public Map<String, Object> describe() {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "reportId", reportId);
        put(query, "platformId", platformId);
        put(query, "actor", actor);
        put(query, "type", type);
        put(query, "from", from);
        put(query, "to", to);
        put(query, "afterSeq", afterSeq);
        query.put("limit", limit);
        return query;
    }

    private static void put(Map<String, Object> query, String name, Object value) {
        if (value != null) {
            query.put(name, value.toString());
        }
    }
}
