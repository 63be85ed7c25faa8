package org.tipline.gateway.intake.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.ContactPerson;
import org.tipline.gateway.intake.validation.CountryCode;
import org.tipline.gateway.intake.validation.OnlyWith;

/** Law enforcement already involved; {@code fleaCountry} only with international legal process. */
@OnlyWith(field = "fleaCountry", requires = "servedLegalProcessInternational")
public record LawEnforcement(@NotNull @Size(max = 255) String agencyName, @Size(max = 100) String caseNumber,
        @Valid @ContactPerson Person officerContact, Boolean reportedToLe, Boolean servedLegalProcessDomestic,
        Boolean servedLegalProcessInternational, @CountryCode String fleaCountry) {
}
