package org.tipline.gateway.intake.model;

import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.CountryCode;
import org.tipline.gateway.intake.validation.UsStateWhenInUs;
import org.tipline.gateway.kernel.ReportCodes.AddressType;

/** A postal address; in the US, {@code state} is a US state code. */
@UsStateWhenInUs
public record Address(@Size(max = 255) String street, @Size(max = 100) String city,
        @Size(max = 20) String postalCode, @Size(max = 100) String state, @CountryCode String country,
        AddressType type) {
}
