package org.tipline.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /v1/status}: checks a credential and tells who it is. */
@Path("/v1/status")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "credentials")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    /** Who the caller is. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Status(UUID principal, List<String> roles, String platformId, List<String> destinations,
            Instant serverTime, String version) {
    }

    @GET
    @RolesAllowed({Role.Names.PLATFORM, Role.Names.INTAKE, Role.Names.AUDITOR, Role.Names.ADMIN})
    public Status status() {
        return new Status(caller.get().credentialId(), List.of(caller.get().role().id()), caller.get().platformId(),
                caller.get().destinations(), clock.instant(), version);
    }
}
