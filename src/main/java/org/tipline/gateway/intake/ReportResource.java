package org.tipline.gateway.intake;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tipline.gateway.report.ReportService;
import org.tipline.gateway.report.ReportService.Submission;

/** {@code /v1/reports}: where platforms file reports. */
@Path("/v1/reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;
    private final ReportMapper mapper;

    ReportResource(ReportService service, ReportMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    public Response open(@NotNull @Valid ReportRequest request, @QueryParam("finish") boolean finish) {
        Submission submission = service.open("demo", mapper.toDocument(request), request.incident().type(),
                mapper.priority(request), finish);
        URI location = URI.create("/v1/reports/" + submission.report().id());
        if (finish) {
            return Response.accepted(Map.of("reportId", submission.report().id(), "state",
                    submission.report().state(), "destinations", submission.destinations())).location(location)
                    .build();
        }
        return Response.created(location).entity(Map.of("reportId", submission.report().id(), "state",
                submission.report().state(), "expiresAt", submission.report().expiresAt())).build();
    }
}
