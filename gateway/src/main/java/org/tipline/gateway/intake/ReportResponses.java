package org.tipline.gateway.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The HTTP response records of {@code /v1/reports}. */
public final class ReportResponses {

    private ReportResponses() {
    }

    /** 201 for an opened report. */
    public record OpenedResponse(UUID reportId, String state, Instant expiresAt) {
    }

    /** 202 for a finished report, with the signed receipt. */
    public record SubmittedResponse(UUID reportId, String state, Instant submittedAt, List<String> destinations,
            String receipt) {
    }

    /** 200 for a retracted report. */
    public record RetractedResponse(UUID reportId, String state) {
    }

    /** A report's metadata, files and delivery; never its content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportStatusResponse(UUID reportId, String state, String incidentType, String priority,
            Instant openedAt, Instant updatedAt, Instant submittedAt, Instant expiresAt, List<FileSummary> files,
            List<DeliveryResponse> destinations) {
    }

    /** An evidence file as listed with its report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileSummary(UUID fileId, long sizeBytes, String mediaType, String md5, String sha1, String sha256,
            Instant uploadedAt, boolean hasDetails) {
    }

    /**
     * Delivery to one destination; {@code failedAt} and {@code failure} (why, without content) when the gateway gave
     * up on a message to it, until an operator retries it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryResponse(String destination, String state, Instant forwardedAt, Instant acknowledgedAt,
            String externalReference, String reason, Instant failedAt, String failure) {
    }

    /** One page of a platform's reports, newest first; {@code nextCursor} absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportPage(List<ReportSummary> items, String nextCursor) {
    }

    /** A report in a listing: metadata only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportSummary(UUID reportId, String state, String incidentType, String priority, Instant openedAt,
            Instant submittedAt, Instant expiresAt) {
    }

    /** The signed receipt and, for convenience, its decoded payload. */
    public record ReceiptResponse(UUID reportId, String receipt, String keyId, Object payload) {
    }
}
