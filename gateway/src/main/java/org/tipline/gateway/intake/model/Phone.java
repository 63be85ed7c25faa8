package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.VerifiedAtOnlyIfVerified;
import org.tipline.gateway.kernel.ReportCodes.PhoneType;
import org.tipline.gateway.platform.validation.InPast;

/** A phone number; {@code verifiedAt} only when {@code verified}. */
@VerifiedAtOnlyIfVerified
public record Phone(
        @NotNull @Size(max = 50) @Pattern(regexp = "[0-9+()./ -]+",
                message = "{tipline.violation.INVALID_FORMAT.phone}") String number,
        PhoneType type,
        @Pattern(regexp = "\\+[0-9]{1,3}",
                message = "{tipline.violation.INVALID_FORMAT.callingCode}") String countryCallingCode,
        @Pattern(regexp = "[0-9]{1,10}", message = "{tipline.violation.INVALID_FORMAT.extension}") String extension,
        Boolean verified,
        @InPast OffsetDateTime verifiedAt) implements Verifiable {
}
