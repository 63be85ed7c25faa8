package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.intake.validation.InPast;
import org.tipline.gateway.report.ReportCodes.DetectionMethod;

/** How and when the platform detected the incident (required by the UK profile). */
public record Detection(@NotNull DetectionMethod method, @InPast OffsetDateTime detectedAt) {
}
