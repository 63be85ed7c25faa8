package org.tipline.gateway.intake;

import jakarta.inject.Singleton;

import org.tipline.gateway.report.Priority;
import org.tipline.gateway.report.ReportDocument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The seam between the HTTP model and the domain: request records to report documents and back. */
@Singleton
public class ReportMapper {

    private final ObjectMapper json;

    ReportMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The canonical document of a validated request. */
    public ReportDocument toDocument(ReportRequest request) {
        try {
            return ReportDocument.ofJson(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated request could not be serialized", e);
        }
    }

    public Priority priority(ReportRequest request) {
        return request.priority() == null ? Priority.P3_STANDARD : request.priority();
    }
}
