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

import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.platform.idempotency.RequestDigest;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.report.ReportQuery;
import org.tipline.gateway.report.ReportService;
import org.tipline.gateway.report.ReportState;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/** {@code /v1/reports}: platforms open, finish, retract and read their reports. Thin: convert, call, convert. */
@Path("/v1/reports")
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

    ReportResource(ReportService service, ReportMapper mapper, RequestReader reader, IntakeConfig config) {
        this.service = service;
        this.mapper = mapper;
        this.reader = reader;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(InputStream body, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @QueryParam("finish") String finish, @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        boolean andFinish = QueryParameters.flag("finish", finish);
        RequestReader.Parsed<ReportRequest> request = reader.read(body, ReportRequest.class, config.maxBodyBytes());
        byte[] digest = RequestDigest.ofJson("POST", uri.getPath(), uri.getRequestUri().getRawQuery(),
                request.bytes());
        if (andFinish) {
            var outcome = service.openAndFinish(caller.get().platformId(), key, digest,
                    mapper.toDocument(request.value()));
            return answer(outcome, mapper.toResponse(outcome.result()), outcome.result().reportId());
        }
        var outcome = service.open(caller.get().platformId(), key, digest, mapper.toDocument(request.value()));
        return answer(outcome, mapper.toResponse(outcome.result()), outcome.result().reportId());
    }

    @POST
    @Path("/{id}/finish")
    public Response finish(@PathParam("id") String id, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var outcome = service.finish(caller.get().platformId(), key, emptyBodyDigest(uri),
                QueryParameters.reportId(id));
        return answer(outcome, mapper.toResponse(outcome.result()), null);
    }

    @POST
    @Path("/{id}/retract")
    public Response retract(@PathParam("id") String id, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        var outcome = service.retract(caller.get().platformId(), key, emptyBodyDigest(uri),
                QueryParameters.reportId(id));
        return answer(outcome, mapper.toResponse(outcome.result()), null);
    }

    @GET
    @Path("/{id}")
    public ReportResponses.ReportStatusResponse get(@PathParam("id") String id) {
        return mapper.toResponse(service.status(caller.get().platformId(), QueryParameters.reportId(id)));
    }

    @GET
    public ReportResponses.ReportPage list(@QueryParam("state") String state, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = QueryParameters.limit(limit, 50, ReportQuery.MAX_LIMIT);
        ReportQuery query = new ReportQuery(QueryParameters.code("state", state, ReportState.class),
                QueryParameters.timestamp("from", from), QueryParameters.timestamp("to", to), Cursors.decode(cursor),
                size);
        return mapper.toPage(service.list(caller.get().platformId(), query), size);
    }

    @GET
    @Path("/{id}/receipt")
    @Produces({MediaType.APPLICATION_JSON, "application/jose"})
    public Response receipt(@PathParam("id") String id, @HeaderParam("Accept") String accept) {
        var reportId = QueryParameters.reportId(id);
        String receipt = service.receipt(caller.get().platformId(), reportId);
        if (accept != null && accept.contains("application/jose") && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(receipt, "application/jose").build();
        }
        return Response.ok(mapper.toReceipt(reportId, receipt), MediaType.APPLICATION_JSON).build();
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
