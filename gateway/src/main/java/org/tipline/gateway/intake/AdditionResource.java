package org.tipline.gateway.intake;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.tipline.gateway.intake.AdditionRequests.EscalationRequest;
import org.tipline.gateway.intake.AdditionRequests.SupplementRequest;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.RequestDigest;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.platform.web.QueryParameters;
import org.tipline.gateway.report.AdditionService;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.report.ReportResults.Escalated;
import org.tipline.gateway.report.ReportResults.Supplemented;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/** {@code /v1/reports/{id}/supplements} and {@code /escalations}: what follows a submitted report. */
@Path("/v1/reports/{id}")
@Tag(name = "reports")
@RolesAllowed(Role.Names.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
public class AdditionResource {

    private static final int MAX_BYTES = 1024 * 1024;

    @Inject
    CurrentCaller caller;

    private final AdditionService service;
    private final ReportMapper mapper;
    private final RequestReader reader;

    AdditionResource(AdditionService service, ReportMapper mapper, RequestReader reader) {
        this.service = service;
        this.mapper = mapper;
        this.reader = reader;
    }

    @POST
    @Path("/supplements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send new information, or files uploaded since submission, to the report's destinations")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupplementRequest.class)))
    @APIResponse(responseCode = "201", description = "Queued for every destination of the report",
            content = @Content(schema = @Schema(implementation = Supplemented.class)))
    public Response supplement(@PathParam("id") String id,
            @Parameter(required = true) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(hidden = true) InputStream body, @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var request = reader.read(body, SupplementRequest.class, MAX_BYTES);
        SupplementRequest supplement = request.value();
        var outcome = service.supplement(caller.get(), key, digest(uri, request.bytes()),
                QueryParameters.pathId(id, ReportNotFoundException::new), mapper.toDocument(supplement),
                supplement.fileIds() == null ? java.util.List.of() : supplement.fileIds());
        return ReportResource.answer(outcome, outcome.result(), null);
    }

    @POST
    @Path("/escalations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a submitted report's priority, with a reason; P1 travels on the urgent lanes")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EscalationRequest.class)))
    @APIResponse(responseCode = "202", description = "Queued for every destination of the report",
            content = @Content(schema = @Schema(implementation = Escalated.class)))
    public Response escalate(@PathParam("id") String id,
            @Parameter(required = true) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(hidden = true) InputStream body, @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var request = reader.read(body, EscalationRequest.class, MAX_BYTES);
        var outcome = service.escalate(caller.get(), key, digest(uri, request.bytes()),
                QueryParameters.pathId(id, ReportNotFoundException::new), request.value().priority(),
                mapper.toDocument(request.value()));
        return ReportResource.answer(outcome, outcome.result(), null);
    }

    private static byte[] digest(UriInfo uri, byte[] body) {
        return RequestDigest.ofJson("POST", uri.getPath(), uri.getRequestUri().getRawQuery(), body);
    }
}
