package org.tipline.gateway.intake.model;

import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.kernel.ReportCodes.BatchReason;

/** Marks a batched report (one viral file, minimal detail). */
public record Batch(@NotNull BatchReason reason) {
}
