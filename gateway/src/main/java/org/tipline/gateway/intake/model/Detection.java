package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.kernel.ReportCodes.DetectionMethod;
import org.tipline.gateway.platform.validation.InPast;

/** How and when the platform detected the incident (required by the UK profile). */
public record Detection(@NotNull DetectionMethod method, @InPast OffsetDateTime detectedAt) {
}
