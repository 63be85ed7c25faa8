package org.tipline.gateway.delivery;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.platform.idempotency.RequestDigest;
import org.tipline.gateway.platform.web.QueryParameters;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/**
 * Operators' view of deliveries that failed: {@code GET /v1/admin/deliveries/failed} lists them,
 * {@code POST /v1/admin/deliveries/{reportId}/{destination}/retry} puts one back in the queue.
 */
@Path("/v1/admin/deliveries")
@Tag(name = "admin")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryAdminResource {

    /** Destination ids as the routing file allows them; nothing else can name a delivery. */
    private static final java.util.regex.Pattern DESTINATION_ID = java.util.regex.Pattern.compile(
            "[a-z0-9][a-z0-9-]{0,63}");

    @Inject
    CurrentCaller caller;

    private final FailedDeliveries failed;

    DeliveryAdminResource(FailedDeliveries failed) {
        this.failed = failed;
    }

    /** The answer of the listing. */
    public record FailedList(List<DeliveryRepository.Failed> items) {
    }

    @GET
    @Path("/failed")
    @Operation(summary = "Deliveries with a message the relay gave up on, oldest failure first (no content)")
    public FailedList list(
            @Parameter(description = "At most this many, 1 to 1000 (default 100)") @QueryParam("limit") String limit) {
        int max = limit == null ? 100 : (int) QueryParameters.number("limit", limit, 1, 1000);
        return new FailedList(failed.list(max));
    }

    @POST
    @Path("/{reportId}/{destination}/retry")
    @Operation(summary = "Retry a FAILED delivery: its parked messages are queued again with their attempts reset")
    @APIResponse(responseCode = "200", description = "Queued again; the delivery is PENDING or FORWARDED",
            content = @Content(schema = @Schema(implementation = DeliveryStatus.class)))
    @APIResponse(responseCode = "409", description = "The delivery has not failed")
    public Response retry(@PathParam("reportId") String reportId, @PathParam("destination") String destination,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        UUID id;
        try {
            id = UUID.fromString(reportId);
        } catch (IllegalArgumentException e) {
            throw new DeliveryNotFoundException(reportId, destination);
        }
        if (!DESTINATION_ID.matcher(destination).matches()) {
            throw new DeliveryNotFoundException(reportId, destination);
        }
        Outcome<DeliveryStatus> outcome = failed.retry(caller.get().auditActor(), key, RequestDigest.ofJson("POST",
                uri.getPath(), uri.getRequestUri().getRawQuery(), new byte[0]), id, destination);
        Response.ResponseBuilder answer = Response.ok(outcome.result());
        return outcome.replayed() ? answer.header("Idempotent-Replayed", "true").build() : answer.build();
    }
}
