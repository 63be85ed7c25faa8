package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.CountryCode;
import org.tipline.gateway.intake.validation.ValidEstimatedLocation;
import org.tipline.gateway.platform.validation.InPast;

/** Where the platform believes a party is; in the US, {@code region} is a state code, required with a city. */
@ValidEstimatedLocation
public record EstimatedLocation(@Size(max = 100) String city, @Size(max = 100) String region,
        @NotNull @CountryCode String countryCode, Boolean verified, @InPast OffsetDateTime at) {
}
