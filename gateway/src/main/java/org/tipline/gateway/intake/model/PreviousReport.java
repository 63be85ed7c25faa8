package org.tipline.gateway.intake.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An earlier report on the same matter, by the receiver's own id (a CyberTipline id, an NCA reference). */
public record PreviousReport(@NotNull @Size(max = 64) String destination, @NotNull @Size(max = 255) String externalId) {
}
