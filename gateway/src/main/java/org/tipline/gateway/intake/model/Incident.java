package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.kernel.ReportCodes.IncidentAnnotation;
import org.tipline.gateway.kernel.ReportCodes.IncidentType;
import org.tipline.gateway.platform.validation.InPast;

/** What happened and when. */
public record Incident(@NotNull IncidentType type, @NotNull @InPast OffsetDateTime occurredAt,
        @Size(max = 3000) String occurredAtDescription, @Size(max = 256) String platform,
        Set<@NotNull IncidentAnnotation> annotations) {
}
