package org.tipline.gateway.delivery;

import java.io.InputStream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.gateway.audit.AuditActor;
import org.tipline.gateway.evidence.EvidenceAccess;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

import io.quarkus.security.ForbiddenException;

/**
 * {@code /v1/intake/{destination}}: a receiver's staff acknowledge reports routed to them and fetch their evidence.
 * An intake credential may act only for its own destinations (403 otherwise).
 */
@Path("/v1/intake/{destination}")
@Tag(name = "intake", description = "Receivers acknowledge reports and fetch evidence")
@RolesAllowed(Role.Names.INTAKE)
public class IntakeResource {

    private static final int MAX_ACK_BYTES = 16 * 1024;

    @Inject
    CurrentCaller caller;

    private final AckService acks;
    private final EvidenceAccess evidence;
    private final RequestReader reader;

    IntakeResource(AckService acks, EvidenceAccess evidence, RequestReader reader) {
        this.acks = acks;
        this.evidence = evidence;
        this.reader = reader;
    }

    @POST
    @Path("/acks")
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
        Caller intake = authorized(destination);
        IdempotencyKey.of(intake.idempotencyOwner(), idempotencyKey);
        AckRequest ack = reader.read(body, AckRequest.class, MAX_ACK_BYTES).value();
        if (ack.destination() != null && !ack.destination().equals(destination)) {
            throw new UnprocessableException("Destination mismatch", java.util.List.of(new Violation("/destination",
                    ViolationCode.NOT_ALLOWED, "must be the destination of the path, or absent")));
        }
        return acks.record(AuditActor.of(intake), destination, ack, "http");
    }

    @GET
    @Path("/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Fetch an evidence file of a report routed to this destination (every access is audited)")
    @APIResponse(responseCode = "200", description = "The file as uploaded",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("destination") String destination, @PathParam("fileId") String fileId) {
        Caller intake = authorized(destination);
        EvidenceAccess.Opened opened = evidence.open(intake, destination, uuid(fileId));
        StreamingOutput stream = out -> {
            try (InputStream in = opened.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(stream, opened.mediaType()).header("Content-Length", opened.sizeBytes())
                .header("X-Content-SHA256", opened.sha256()).header("Cache-Control", "no-store").build();
    }

    private Caller authorized(String destination) {
        Caller intake = caller.get();
        if (!intake.mayReceive(destination)) {
            throw new ForbiddenException();
        }
        return intake;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ReportNotFoundException("file");
        }
    }
}
