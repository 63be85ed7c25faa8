package org.tipline.gateway.evidence;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.gateway.platform.web.QueryParameters;
import org.tipline.gateway.report.ReportFileNotFoundException;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/**
 * {@code GET /v1/intake/{destination}/files/{fileId}}: a receiver fetches the evidence of a report forwarded to it,
 * decrypted as it streams. An intake credential may fetch only for its own destinations (403 otherwise).
 */
@Path("/v1/intake/{destination}/files")
@Tag(name = "intake")
@RolesAllowed(Role.Names.INTAKE)
public class IntakeFileResource {

    @Inject
    CurrentCaller caller;

    private final EvidenceAccess evidence;

    IntakeFileResource(EvidenceAccess evidence) {
        this.evidence = evidence;
    }

    @GET
    @Path("/{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Fetch an evidence file of a report routed to this destination (every access is audited)")
    @APIResponse(responseCode = "200", description = "The file as uploaded",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("destination") String destination, @PathParam("fileId") String fileId) {
        Caller intake = caller.receivingFor(destination);
        EvidenceAccess.Opened opened = evidence.open(intake, destination,
                QueryParameters.pathId(fileId, ReportFileNotFoundException::new));
        StreamingOutput stream = out -> {
            try (InputStream in = opened.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(stream, opened.mediaType()).header("Content-Length", opened.sizeBytes())
                .header("X-Content-SHA256", opened.sha256()).header("Cache-Control", "no-store").build();
    }
}
