package org.tipline.gateway.security;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.platform.idempotency.RequestDigest;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.platform.web.QueryParameters;
import org.tipline.gateway.routing.Regime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code /v1/admin}: platforms and credentials (role {@code admin}). */
@Path("/v1/admin")
@Tag(name = "admin")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    CurrentCaller caller;

    private final CredentialService service;
    private final RequestReader reader;

    AdminResource(CredentialService service, RequestReader reader) {
        this.service = service;
        this.reader = reader;
    }

    /** A platform to register. */
    public record PlatformRequest(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String id,
            @NotNull @Size(max = 255) String name,
            @Size(max = 10) List<@NotNull Regime> regimes) {
    }

    /** A credential to create. */
    public record CredentialRequest(@NotNull Role role, String platformId,
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String> destinations,
            @NotNull @Size(max = 255) String label) {
    }

    /** A created credential: the key appears once, in the first answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialResponse(Credential credential, String key, String note) {
    }

    @POST
    @Path("/platforms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a platform and the reporting regimes it is under")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlatformRequest.class)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PlatformRecord.class)))
    public Response registerPlatform(@Parameter(hidden = true) InputStream body,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var request = reader.read(body, PlatformRequest.class, MAX_BODY_BYTES);
        PlatformRequest platform = request.value();
        Outcome<PlatformRecord> outcome = service.registerPlatform(caller.get(), key, digest(uri, request.bytes()),
                platform.id(),
                platform.name(), platform.regimes() == null
                        ? List.of()
                        : platform.regimes().stream().map(Enum::name).toList());
        return replayable(Response.created(URI.create("/v1/admin/platforms/" + platform.id())), outcome,
                outcome.result());
    }

    @GET
    @Path("/platforms")
    public List<PlatformRecord> platforms() {
        return service.platforms();
    }

    @POST
    @Path("/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key; the key is in this answer only")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CredentialRequest.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CredentialResponse.class)))
    public Response createCredential(@Parameter(hidden = true) InputStream body,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var request = reader.read(body, CredentialRequest.class, MAX_BODY_BYTES);
        CredentialRequest credential = checkBindings(request.value());
        var outcome = service.create(caller.get(), key, digest(uri, request.bytes()),
                credential.role(), credential.platformId(), credential.destinations(), credential.label());
        CredentialService.Created created = outcome.result();
        String note = created.key() == null ? "The key was shown only in the first answer to this request" : null;
        return replayable(Response.status(outcome.status()), outcome,
                new CredentialResponse(created.credential(), created.key(), note));
    }

    @GET
    @Path("/credentials")
    public List<Credential> credentials() {
        return service.list();
    }

    @DELETE
    @Path("/credentials/{id}")
    @Operation(summary = "Revoke a credential at once")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id) {
        service.revoke(caller.get(), QueryParameters.pathId(id, CredentialNotFoundException::new));
        return Response.noContent().build();
    }

    private static CredentialRequest checkBindings(CredentialRequest request) {
        boolean platform = request.role() == Role.PLATFORM;
        boolean intake = request.role() == Role.INTAKE;
        if (platform != (request.platformId() != null)) {
            throw new UnprocessableException("Invalid credential", List.of(new Violation("/platformId",
                    platform ? ViolationCode.REQUIRED : ViolationCode.NOT_ALLOWED,
                    "is required for role platform and not allowed otherwise")));
        }
        boolean hasDestinations = request.destinations() != null && !request.destinations().isEmpty();
        if (intake != hasDestinations) {
            throw new UnprocessableException("Invalid credential", List.of(new Violation("/destinations",
                    intake ? ViolationCode.REQUIRED : ViolationCode.NOT_ALLOWED,
                    "is required for role intake and not allowed otherwise")));
        }
        return request;
    }

    private static byte[] digest(UriInfo uri, byte[] body) {
        return RequestDigest.ofJson("POST", uri.getPath(), uri.getRequestUri().getRawQuery(), body);
    }

    private static Response replayable(Response.ResponseBuilder builder, Outcome<?> outcome, Object body) {
        builder.status(outcome.status()).entity(body);
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }
}
