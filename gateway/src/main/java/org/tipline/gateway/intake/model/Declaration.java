package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.EmailAddress;
import org.tipline.gateway.platform.validation.InPast;

/** The submitter's attestation that the report is complete and true (required by the UK profile). */
public record Declaration(@NotNull @Size(max = 255) String name, @NotNull @EmailAddress String email,
        @NotNull @InPast OffsetDateTime acceptedAt) {
}
