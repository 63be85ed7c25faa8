package org.tipline.gateway.intake;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.report.Priority;

/** The HTTP model of a report (REPORT-MODEL.md). */
public record ReportRequest(@NotNull @Valid Incident incident, @NotNull @Valid Reporter reporter, Priority priority) {

    /** What happened and when. */
    public record Incident(@NotNull String type, @NotNull OffsetDateTime occurredAt) {
    }

    /** Who reports. */
    public record Reporter(@NotNull @Valid Person reportingPerson) {
    }

    /** A person. */
    public record Person(@NotEmpty List<@Valid Email> emails) {
    }

    /** An email address. */
    public record Email(@NotNull String address) {
    }
}
