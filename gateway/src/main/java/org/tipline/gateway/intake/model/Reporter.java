package org.tipline.gateway.intake.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.ContactPerson;
import org.tipline.gateway.intake.validation.WebUrl;

/** Who reports: a reporting person with at least one email, and optionally another contact. */
public record Reporter(@NotNull @Valid @ContactPerson(requireEmail = true) Person reportingPerson,
        @Valid @ContactPerson Person contactPerson, @Size(max = Limits.TEXT) String companyTemplate,
        @Size(max = Limits.TEXT) String termsOfService, @WebUrl String legalUrl) {
}
