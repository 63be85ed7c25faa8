package org.tipline.gateway.intake.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.intake.validation.ValidHash;
import org.tipline.gateway.kernel.ReportCodes.HashType;

/** A hash of a file, its value in the format of its type; {@code quality} for perceptual hashes (0–100). */
@ValidHash
public record Hash(@NotNull HashType type, @NotNull String value, @Min(0) @Max(100) Integer quality) {
}
