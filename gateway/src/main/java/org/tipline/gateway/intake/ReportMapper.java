package org.tipline.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.tipline.gateway.delivery.DeliveryStatus;
import org.tipline.gateway.intake.ReportResponses.DeliveryResponse;
import org.tipline.gateway.intake.ReportResponses.FileSummary;
import org.tipline.gateway.intake.ReportResponses.OpenedResponse;
import org.tipline.gateway.intake.ReportResponses.ReceiptResponse;
import org.tipline.gateway.intake.ReportResponses.ReportPage;
import org.tipline.gateway.intake.ReportResponses.ReportStatusResponse;
import org.tipline.gateway.intake.ReportResponses.ReportSummary;
import org.tipline.gateway.intake.ReportResponses.RetractedResponse;
import org.tipline.gateway.intake.ReportResponses.SubmittedResponse;
import org.tipline.gateway.intake.model.FileDetailsRequest;
import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.report.Report;
import org.tipline.gateway.report.ReportFile;
import org.tipline.gateway.report.ReportResults.Opened;
import org.tipline.gateway.report.ReportResults.Retracted;
import org.tipline.gateway.report.ReportResults.Submitted;
import org.tipline.gateway.report.ReportStatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The seam between the HTTP model and the domain: validated request records become canonical documents (absent
 * fields omitted, timestamps kept with their offsets), domain results become response records.
 */
@Singleton
public class ReportMapper {

    private final ObjectMapper documents = new ObjectMapper().registerModule(new JavaTimeModule())
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))

            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE);
    private final ObjectMapper json;

    ReportMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The canonical document of a validated report. */
    public ReportDocument toDocument(ReportRequest request) {
        return document(request);
    }

    /** The canonical document of validated file details. */
    public ReportDocument toDocument(FileDetailsRequest request) {
        return document(request);
    }

    /** The canonical document of a validated supplement (file ids travel as files, not in the document). */
    public ReportDocument toDocument(AdditionRequests.SupplementRequest request) {
        return document(new AdditionRequests.SupplementRequest(request.additionalInfo(), request.internetDetails(),
                request.reportedPersons(), request.intendedRecipients(), request.victims(), null));
    }

    /** The canonical document of a validated escalation. */
    public ReportDocument toDocument(AdditionRequests.EscalationRequest request) {
        return document(request);
    }

    public OpenedResponse toResponse(Opened opened) {
        return new OpenedResponse(opened.reportId(), opened.state().name(), opened.expiresAt());
    }

    public SubmittedResponse toResponse(Submitted submitted) {
        return new SubmittedResponse(submitted.reportId(), submitted.state().name(), submitted.submittedAt(),
                submitted.destinations(), submitted.receipt());
    }

    public RetractedResponse toResponse(Retracted retracted) {
        return new RetractedResponse(retracted.reportId(), retracted.state().name());
    }

    public ReportStatusResponse toResponse(ReportStatus status) {
        Report report = status.report();
        return new ReportStatusResponse(report.id(), report.state().name(), report.incidentType(),
                report.priority().name(), report.openedAt(), report.updatedAt(), report.submittedAt(),
                report.expiresAt(), status.files().stream().map(ReportMapper::toSummary).toList(),
                status.deliveries().stream().map(ReportMapper::toResponse).toList());
    }

    public ReportPage toPage(List<Report> reports, int limit) {
        List<ReportSummary> items = reports.stream().limit(limit)
                .map(r -> new ReportSummary(r.id(), r.state().name(), r.incidentType(), r.priority().name(),
                        r.openedAt(), r.submittedAt(), r.expiresAt()))
                .toList();
        String next = reports.size() > limit ? Cursors.encode(items.get(items.size() - 1).reportId()) : null;
        return new ReportPage(items, next);
    }

    /** The receipt with its payload decoded, so a platform can read what it proves. */
    public ReceiptResponse toReceipt(java.util.UUID reportId, String receipt) {
        String[] parts = receipt.split("\\.");
        try {
            Map<?, ?> header = json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            Object payload = json.readValue(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), Object.class);
            return new ReceiptResponse(reportId, receipt, String.valueOf(header.get("kid")), payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored receipt is not a JWS", e);
        }
    }

    static FileSummary toSummary(ReportFile file) {
        return new FileSummary(file.id(), file.sizeBytes(), file.mediaType(), file.md5Hex(), file.sha1Hex(),
                file.sha256Hex(), file.uploadedAt(), file.hasDetails());
    }

    private static DeliveryResponse toResponse(DeliveryStatus delivery) {
        return new DeliveryResponse(delivery.destination(), delivery.state(), delivery.forwardedAt(),
                delivery.acknowledgedAt(), delivery.externalReference(), delivery.reason(), delivery.failedAt(),
                delivery.failure());
    }

    private ReportDocument document(Object request) {
        return ReportDocument.of(documents.valueToTree(request));
    }
}
