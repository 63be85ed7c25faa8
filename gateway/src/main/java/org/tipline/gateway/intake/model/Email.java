package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.intake.validation.EmailAddress;
import org.tipline.gateway.intake.validation.VerifiedAtOnlyIfVerified;
import org.tipline.gateway.kernel.ReportCodes.EmailType;
import org.tipline.gateway.platform.validation.InPast;

/** An email address; {@code verifiedAt} only when {@code verified}. */
@VerifiedAtOnlyIfVerified
public record Email(@NotNull @EmailAddress String address, EmailType type, Boolean verified,
        @InPast OffsetDateTime verifiedAt) implements Verifiable {
}
