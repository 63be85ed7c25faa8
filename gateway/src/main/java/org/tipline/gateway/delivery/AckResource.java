package org.tipline.gateway.delivery;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/**
 * {@code POST /v1/intake/{destination}/acks}: a receiver's staff acknowledge reports routed to them. An intake
 * credential may act only for its own destinations (403 otherwise).
 */
@Path("/v1/intake/{destination}/acks")
@Tag(name = "intake")
@RolesAllowed(Role.Names.INTAKE)
public class AckResource {

    private static final int MAX_ACK_BYTES = 16 * 1024;

    @Inject
    CurrentCaller caller;

    private final AckService acks;
    private final RequestReader reader;

    AckResource(AckService acks, RequestReader reader) {
        this.acks = acks;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge a report: ACCEPTED with your case reference, or REJECTED with a reason")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AckRequest.class)))
    @APIResponse(responseCode = "200", description = "Recorded (or already recorded identically)",
            content = @Content(schema = @Schema(implementation = DeliveryStatus.class)))
    public DeliveryStatus acknowledge(@PathParam("destination") String destination,
            @Parameter(description = "Required like on every POST; acknowledging twice is harmless",
                    required = true) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(hidden = true) InputStream body) {
        Caller intake = caller.receivingFor(destination);
        IdempotencyKey.of(intake.idempotencyOwner(), idempotencyKey);
        AckRequest ack = reader.read(body, AckRequest.class, MAX_ACK_BYTES).value();
        if (ack.destination() != null && !ack.destination().equals(destination)) {
            throw new UnprocessableException("Destination mismatch", List.of(new Violation("/destination",
                    ViolationCode.NOT_ALLOWED, "must be the destination of the path, or absent")));
        }
        return acks.record(intake.auditActor(), destination, ack, "http");
    }
}
