package org.tipline.gateway.trail;

import java.util.Objects;

/** Who did it: a credential and its role, or a component of the gateway ({@code system:<component>}). */
public record AuditActor(String id, String role) {

    public static final AuditActor RELAY = system("relay");
    public static final AuditActor LIFECYCLE = system("lifecycle");
    public static final AuditActor ACKS = system("ack-consumer");

    public AuditActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static AuditActor system(String component) {
        return new AuditActor("system:" + component, "system");
    }
}
