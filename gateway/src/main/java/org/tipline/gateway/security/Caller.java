package org.tipline.gateway.security;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.tipline.gateway.trail.AuditActor;

/**
 * The authenticated principal of a request: which credential, its role, and what it is bound to.
 *
 * @param platformId for {@link Role#PLATFORM}, otherwise null
 * @param destinations for {@link Role#INTAKE}, otherwise empty
 */
public record Caller(UUID credentialId, Role role, String platformId, List<String> destinations) {

    public Caller {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(role, "role");
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        if ((role == Role.PLATFORM) != (platformId != null)) {
            throw new IllegalArgumentException("platformId is set exactly for platform credentials");
        }
    }

    /** The owner of this caller's idempotency keys: the platform for platform keys, else the credential. */
    public String idempotencyOwner() {
        return role == Role.PLATFORM ? "platform:" + platformId : "credential:" + credentialId;
    }

    /** How audit events name this caller: its credential id and role. */
    public AuditActor auditActor() {
        return new AuditActor(credentialId.toString(), role.id());
    }

    public boolean mayReceive(String destination) {
        return role == Role.INTAKE && destinations.contains(destination);
    }
}
