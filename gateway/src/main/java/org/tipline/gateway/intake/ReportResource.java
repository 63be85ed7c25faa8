package org.tipline.gateway.intake;

import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.kernel.ReportState;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.platform.idempotency.RequestDigest;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.platform.web.QueryParameters;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.report.ReportQuery;
import org.tipline.gateway.report.ReportService;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/** {@code /v1/reports}: platforms open, finish, retract and read their reports. Thin: convert, call, convert. */
@Path("/v1/reports")
@Tag(name = "reports")
@RolesAllowed(Role.Names.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    CurrentCaller caller;

    private final ReportService service;
    private final ReportMapper mapper;
    private final RequestReader reader;
    private final IntakeConfig config;

    private final IntakeMetrics metrics;

    ReportResource(ReportService service, ReportMapper mapper, RequestReader reader, IntakeConfig config,
            IntakeMetrics metrics) {
        this.service = service;
        this.mapper = mapper;
        this.reader = reader;
        this.config = config;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a report; with finish=true, open and submit it in one call")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequest.class)))
    @APIResponse(responseCode = "201", description = "Opened (committed); Location names the report",
            content = @Content(schema = @Schema(implementation = ReportResponses.OpenedResponse.class)))
    @APIResponse(responseCode = "202", description = "Opened and submitted (finish=true), with the signed receipt",
            content = @Content(schema = @Schema(implementation = ReportResponses.SubmittedResponse.class)))
    public Response open(@Parameter(hidden = true) InputStream body,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(description = "true to submit at once",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("finish") String finish,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        boolean andFinish = QueryParameters.flag("finish", finish);
        RequestReader.Parsed<ReportRequest> request = reader.read(body, ReportRequest.class, config.maxBodyBytes());
        byte[] digest = RequestDigest.ofJson("POST", uri.getPath(), uri.getRequestUri().getRawQuery(),
                request.bytes());
        if (andFinish) {
            var outcome = service.openAndFinish(caller.get(), key, digest,
                    mapper.toDocument(request.value()));
            count(outcome, "submitted");
            return answer(outcome, mapper.toResponse(outcome.result()), outcome.result().reportId());
        }
        var outcome = service.open(caller.get(), key, digest, mapper.toDocument(request.value()));
        count(outcome, "opened");
        return answer(outcome, mapper.toResponse(outcome.result()), outcome.result().reportId());
    }

    @POST
    @Path("/{id}/finish")
    @Operation(summary = "Finish an open report: final validation, routing, signed receipt, queued for forwarding")
    @APIResponse(responseCode = "202", description = "Submitted",
            content = @Content(schema = @Schema(implementation = ReportResponses.SubmittedResponse.class)))
    public Response finish(@PathParam("id") String id,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var outcome = service.finish(caller.get(), key, emptyBodyDigest(uri),
                QueryParameters.pathId(id, ReportNotFoundException::new));
        count(outcome, "submitted");
        return answer(outcome, mapper.toResponse(outcome.result()), null);
    }

    @POST
    @Path("/{id}/retract")
    @Operation(summary = "Retract an open report")
    @APIResponse(responseCode = "200", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ReportResponses.RetractedResponse.class)))
    public Response retract(@PathParam("id") String id,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var outcome = service.retract(caller.get(), key, emptyBodyDigest(uri),
                QueryParameters.pathId(id, ReportNotFoundException::new));
        return answer(outcome, mapper.toResponse(outcome.result()), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A report's state, files and per-destination delivery (no content)")
    public ReportResponses.ReportStatusResponse get(@PathParam("id") String id) {
        return mapper.toResponse(
                service.status(caller.get().platformId(), QueryParameters.pathId(id, ReportNotFoundException::new)));
    }

    @GET
    @Operation(summary = "The platform's reports, newest first, metadata only, with cursor pagination")
    public ReportResponses.ReportPage list(
            @Parameter(description = "Only reports in this state",
                    schema = @Schema(implementation = ReportState.class)) @QueryParam("state") String state,
            @Parameter(description = "Opened at or after (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Opened before (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200")) @QueryParam("limit") String limit) {
        int size = QueryParameters.limit(limit, 50, ReportQuery.MAX_LIMIT);
        ReportQuery query = new ReportQuery(QueryParameters.code("state", state, ReportState.class),
                QueryParameters.timestamp("from", from), QueryParameters.timestamp("to", to), Cursors.decode(cursor),
                size);
        return mapper.toPage(service.list(caller.get().platformId(), query), size);
    }

    @GET
    @Path("/{id}/receipt")
    @Produces({MediaType.APPLICATION_JSON, "application/jose"})
    @Operation(
            summary = "The signed receipt: JSON with the decoded payload, or the compact JWS (Accept: application/jose)")
    @APIResponse(responseCode = "200", description = "The receipt", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportResponses.ReceiptResponse.class)),
            @Content(mediaType = "application/jose", schema = @Schema(type = SchemaType.STRING))})
    public Response receipt(@PathParam("id") String id, @HeaderParam("Accept") String accept) {
        var reportId = QueryParameters.pathId(id, ReportNotFoundException::new);
        String receipt = service.receipt(caller.get().platformId(), reportId);
        if (accept != null && accept.contains("application/jose") && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(receipt, "application/jose").build();
        }
        return Response.ok(mapper.toReceipt(reportId, receipt), MediaType.APPLICATION_JSON).build();
    }

    private void count(Outcome<?> outcome, String accepted) {
        if (!outcome.replayed()) {
            metrics.accepted(accepted);
        }
    }

    private static byte[] emptyBodyDigest(UriInfo uri) {
        return RequestDigest.ofJson("POST", uri.getPath(), uri.getRequestUri().getRawQuery(), new byte[0]);
    }

    /** The answer of an idempotent operation: its original status, and {@code Idempotent-Replayed} on a replay. */
    static Response answer(Outcome<?> outcome, Object body, java.util.UUID created) {
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(body);
        if (created != null) {
            response.location(URI.create("/v1/reports/" + created));
        }
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
