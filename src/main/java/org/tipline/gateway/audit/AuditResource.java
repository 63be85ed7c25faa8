package org.tipline.gateway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.gateway.audit.log.AuditProofs;
import org.tipline.gateway.audit.log.NoteKeys;
import org.tipline.gateway.audit.log.TreeHead;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code /v1/audit}: the audit trail for auditors: events, export, signed tree heads, proofs. */
@Path("/v1/audit")
@Tag(name = "audit", description = "The tamper-evident audit trail")
@RolesAllowed(Role.Names.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    CurrentCaller caller;

    private final AuditService service;

    AuditResource(AuditService service) {
        this.service = service;
    }

    /** A page of events, oldest first; {@code nextCursor} absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventPage(List<AuditEvent> items, String nextCursor) {
    }

    /** A signed tree head, and the same as a C2SP checkpoint. */
    public record TreeHeadResponse(String origin, long treeSize, String rootHash, Instant timestamp, String signature,
            String keyId, String keyName, String verifierKey, String checkpoint) {
    }

    @GET
    @Path("/events")
    @Operation(summary = "Events, oldest first, filtered, with cursor pagination")
    public EventPage events(@QueryParam("reportId") String reportId, @QueryParam("platformId") String platformId,
            @QueryParam("actor") String actor, @QueryParam("type") String type, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = limit == null || limit.isEmpty() ? 100 : (int) number("limit", limit, 1, AuditQuery.MAX_LIMIT);
        AuditQuery query = new AuditQuery(reportId == null || reportId.isEmpty() ? null : uuid(reportId),
                blankToNull(platformId), blankToNull(actor), blankToNull(type), time("from", from), time("to", to),
                cursor == null || cursor.isEmpty() ? null : number("cursor", cursor, -1, Long.MAX_VALUE), size);
        List<AuditEvent> found = service.query(caller.get(), query);
        List<AuditEvent> page = found.stream().limit(size).toList();
        String next = found.size() > size ? String.valueOf(page.get(page.size() - 1).seq()) : null;
        return new EventPage(page, next);
    }

    @GET
    @Path("/events/{seq}")
    @Operation(summary = "One event")
    public AuditEvent event(@PathParam("seq") String seq) {
        try {
            return service.event(caller.get(), Long.parseLong(seq));
        } catch (NumberFormatException e) {
            throw new ReportNotFoundException("audit event");
        }
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Operation(summary = "All events (or a time window) as NDJSON, streamed in sequence order")
    @APIResponse(responseCode = "200", description = "One event per line, with its leafHash",
            content = @Content(mediaType = NDJSON))
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant since = time("from", from);
        Instant until = time("to", to);
        var auditor = caller.get();
        StreamingOutput stream = out -> service.export(auditor, since, until, out);
        return Response.ok(stream, NDJSON).build();
    }

    @GET
    @Path("/tree-head")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "The latest signed tree head; with Accept: text/plain the C2SP signed-note checkpoint")
    @APIResponse(responseCode = "200", description = "The tree head", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TreeHeadResponse.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN)})
    public Response treeHead(@HeaderParam("Accept") String accept) {
        TreeHead head = service.treeHead(caller.get()).orElseThrow(() -> new ReportNotFoundException("tree head"));
        String checkpoint = head.checkpoint(service.keyName(), service.publicKey());
        if (accept != null && accept.contains(MediaType.TEXT_PLAIN) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(checkpoint, MediaType.TEXT_PLAIN).build();
        }
        return Response.ok(new TreeHeadResponse(head.origin(), head.treeSize(),
                Base64.getEncoder().encodeToString(head.rootHash()), head.timestamp(),
                Base64.getEncoder().encodeToString(head.signature()), head.keyId(), service.keyName(),
                NoteKeys.verifierKey(service.keyName(), service.publicKey()), checkpoint),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/proofs/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of event seq in the tree of treeSize events")
    public AuditProofs.Inclusion inclusion(@QueryParam("seq") String seq, @QueryParam("treeSize") String treeSize) {
        return service.inclusion(caller.get(), number("seq", seq, 0, Long.MAX_VALUE),
                number("treeSize", treeSize, 1, Long.MAX_VALUE));
    }

    @GET
    @Path("/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof between the trees of first and second events")
    public AuditProofs.Consistency consistency(@QueryParam("first") String first,
            @QueryParam("second") String second) {
        return service.consistency(caller.get(), number("first", first, 1, Long.MAX_VALUE),
                number("second", second, 1, Long.MAX_VALUE));
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw bad(name, "must be an integer from " + min + (max == Long.MAX_VALUE ? "" : " to " + max));
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(name, "must be an RFC 3339 timestamp with an offset");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw bad("reportId", "must be a report id");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static MalformedRequestException bad(String name, String message) {
        return new MalformedRequestException("Invalid query parameter " + name,
                List.of(new Violation("", ViolationCode.INVALID_FORMAT, "query parameter " + name + ": " + message)));
    }
}
