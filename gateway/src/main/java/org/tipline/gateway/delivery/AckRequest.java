package org.tipline.gateway.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.platform.validation.InPast;

/**
 * An intake system's acknowledgement of a forwarded report, as published on {@code tipline.intake.acks} or posted to
 * {@code /v1/intake/{destination}/acks}: ACCEPTED with the receiver's case reference, or REJECTED with a reason.
 */
public record AckRequest(@NotNull UUID reportId,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                message = "{tipline.violation.INVALID_FORMAT.destination}") String destination,
        @NotNull Status status, @Size(max = 255) String externalReference, @Size(max = 3000) String reason,
        @InPast OffsetDateTime at) {

    /** The receiver's verdict. */
    public enum Status {
        ACCEPTED, REJECTED
    }
}
