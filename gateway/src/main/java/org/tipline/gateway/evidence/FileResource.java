package org.tipline.gateway.evidence;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.tipline.gateway.intake.ReportMapper;
import org.tipline.gateway.intake.model.FileDetailsRequest;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.platform.web.QueryParameters;
import org.tipline.gateway.report.ReportFileNotFoundException;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.security.CurrentCaller;
import org.tipline.gateway.security.Role;

/** {@code /v1/reports/{id}/files}: evidence uploads (streamed, never buffered whole) and their details. */
@Path("/v1/reports/{id}/files")
@Tag(name = "evidence")
@RolesAllowed(Role.Names.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    private static final int MAX_DETAILS_BYTES = 256 * 1024;

    @Inject
    CurrentCaller caller;

    private final EvidenceService service;
    private final ReportMapper mapper;
    private final RequestReader reader;

    FileResource(EvidenceService service, ReportMapper mapper, RequestReader reader) {
        this.service = service;
        this.mapper = mapper;
        this.reader = reader;
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "Upload one evidence file to an open report; streamed, hashed, encrypted at rest",
            description = "The file is the whole body (application/octet-stream), or the one part named 'file' of a"
                    + " multipart/form-data body; any other part is refused. Either way it is streamed through"
                    + " hashing and encryption, never buffered whole and never stored unencrypted.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(implementation = MultipartFile.class))})
    @APIResponse(responseCode = "201", description = "Stored and attached",
            content = @Content(schema = @Schema(implementation = EvidenceService.Uploaded.class)))
    public Response upload(@PathParam("id") String id,
            @Parameter(description = IdempotencyKey.DESCRIPTION, required = true,
                    schema = @Schema(maxLength = 255)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(description = "The file's media type as the platform knows it (default: the multipart"
                    + " part's Content-Type, else application/octet-stream)") @HeaderParam("X-Media-Type") String declaredMediaType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) InputStream body, @Context UriInfo uri) {
        IdempotencyKey key = IdempotencyKey.of(caller.get().idempotencyOwner(), idempotencyKey);
        InputStream file = body;
        String mediaType = declaredMediaType;
        if (isMultipart(contentType)) {
            MultipartUpload.Part part = MultipartUpload.open(contentType, body);
            file = part.content();
            mediaType = isBlank(mediaType) ? part.mediaType() : mediaType;
        }
        mediaType = isBlank(mediaType) ? MediaType.APPLICATION_OCTET_STREAM : mediaType.strip();
        Outcome<EvidenceService.Uploaded> outcome = service.upload(caller.get(), key, uri.getPath(), reportId(id),
                mediaType.length() > 255 ? mediaType.substring(0, 255) : mediaType, file);
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(outcome.result());
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** The multipart form of an upload, for the API description. */
    @Schema(name = "MultipartEvidence", requiredProperties = "file")
    record MultipartFile(@Schema(type = SchemaType.STRING, format = "binary",
            description = "The evidence file; the only part allowed") String file) {
    }

    @PUT
    @Path("/{fileId}/details")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the details of a file of an open report (replaces earlier details)")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileDetailsRequest.class)))
    @APIResponse(responseCode = "200", description = "Details set")
    public Response details(@PathParam("id") String id, @PathParam("fileId") String fileId,
            @Parameter(hidden = true) InputStream body) {
        FileDetailsRequest details = reader.read(body, FileDetailsRequest.class, MAX_DETAILS_BYTES).value();
        Set<FileAnnotation> annotations = details.annotations() == null
                ? EnumSet.noneOf(FileAnnotation.class)
                : EnumSet.copyOf(details.annotations().isEmpty()
                        ? EnumSet.noneOf(FileAnnotation.class)
                        : details.annotations());
        service.setDetails(caller.get(), reportId(id), fileId(fileId), mapper.toDocument(details),
                details.effectiveRelevance(), annotations);
        return Response.ok(java.util.Map.of("fileId", fileId(fileId), "detailsSet", true)).build();
    }

    private static boolean isMultipart(String contentType) {
        try {
            return contentType != null
                    && MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false; // not a media type: read as the raw file, like a body without one
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static UUID reportId(String value) {
        return QueryParameters.pathId(value, ReportNotFoundException::new);
    }

    private static UUID fileId(String value) {
        return QueryParameters.pathId(value, ReportFileNotFoundException::new);
    }
}
