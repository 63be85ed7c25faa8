package org.tipline.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A credential as listed to admins: everything but the key. */
public record Credential(UUID id, String keyPrefix, Role role, String platformId, List<String> destinations,
        String label, Instant createdAt, String createdBy, Instant revokedAt) {

    public Credential {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }
}
