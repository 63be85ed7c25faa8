package org.tipline.gateway.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.core.note.NoteKeys;
import org.tipline.core.note.TreeHead;
import org.tipline.gateway.audit.log.AuditProofs;
import org.tipline.gateway.platform.errors.NotFoundException;
import org.tipline.gateway.platform.web.QueryParameters;
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
    public EventPage events(
            @Parameter(description = "Only events about this report") @QueryParam("reportId") String reportId,
            @Parameter(description = "Only events about this platform",
                    schema = @Schema(type = SchemaType.STRING,
                            maxLength = 255)) @QueryParam("platformId") String platformId,
            @Parameter(description = "Only events by this principal (credential id, or system:<component>)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @QueryParam("actor") String actor,
            @Parameter(description = "Only events of this type, e.g. report.submitted",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @QueryParam("type") String type,
            @Parameter(description = "Events at or after (RFC 3339)", schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Events before (RFC 3339)", schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000 (default 100)", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "1000")) @QueryParam("limit") String limit) {
        int size = QueryParameters.limit(limit, 100, AuditQuery.MAX_LIMIT);
        AuditQuery query = new AuditQuery(QueryParameters.uuid("reportId", reportId),
                QueryParameters.text("platformId", platformId), QueryParameters.text("actor", actor),
                QueryParameters.text("type", type),
                QueryParameters.timestamp("from", from), QueryParameters.timestamp("to", to),
                cursor == null || cursor.isEmpty()
                        ? null
                        : QueryParameters.number("cursor", cursor, -1,
                                Long.MAX_VALUE),
                size);
        List<AuditEvent> found = service.query(caller.get(), query);
        List<AuditEvent> page = found.stream().limit(size).toList();
        String next = found.size() > size ? String.valueOf(page.get(page.size() - 1).seq()) : null;
        return new EventPage(page, next);
    }

    @GET
    @Path("/events/{seq}")
    @Operation(summary = "One event")
    public AuditEvent event(@Parameter(description = "The event's sequence number", schema = @Schema(
            type = SchemaType.INTEGER, minimum = "0")) @PathParam("seq") String seq) {
        try {
            return service.event(caller.get(), Long.parseLong(seq));
        } catch (NumberFormatException e) {
            throw new NotFoundException("No audit event " + (seq.length() > 24 ? seq.substring(0, 24) : seq));
        }
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Operation(summary = "All events (or a time window) as NDJSON, streamed in sequence order")
    @APIResponse(responseCode = "200", description = "One event per line, with its leafHash",
            content = @Content(mediaType = NDJSON))
    public Response export(
            @Parameter(description = "Events at or after (RFC 3339); the whole log when absent", schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Events before (RFC 3339)", schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("to") String to) {
        Instant since = QueryParameters.timestamp("from", from);
        Instant until = QueryParameters.timestamp("to", to);
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
    @APIResponse(responseCode = "404", description = "No tree head has been signed yet (the log is empty)")
    public Response treeHead(@HeaderParam("Accept") String accept) {
        TreeHead head = service.treeHead(caller.get())
                .orElseThrow(() -> new NotFoundException("No tree head has been signed yet: the log is empty"));
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
    public AuditProofs.Inclusion inclusion(
            @Parameter(description = "The event (leaf index)", required = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0")) @QueryParam("seq") String seq,
            @Parameter(description = "Size of the tree, usually a signed head's treeSize", required = true,
                    schema = @Schema(type = SchemaType.INTEGER,
                            minimum = "1")) @QueryParam("treeSize") String treeSize) {
        return service.inclusion(caller.get(), QueryParameters.number("seq", seq, 0, Long.MAX_VALUE),
                QueryParameters.number("treeSize", treeSize, 1, Long.MAX_VALUE));
    }

    @GET
    @Path("/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof between the trees of first and second events")
    public AuditProofs.Consistency consistency(
            @Parameter(description = "Size of the older tree (at least 1)", required = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1")) @QueryParam("first") String first,
            @Parameter(description = "Size of the newer tree (at least first)", required = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1")) @QueryParam("second") String second) {
        return service.consistency(caller.get(), QueryParameters.number("first", first, 1, Long.MAX_VALUE),
                QueryParameters.number("second", second, 1, Long.MAX_VALUE));
    }
}
