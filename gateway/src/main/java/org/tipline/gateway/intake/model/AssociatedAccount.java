package org.tipline.gateway.intake.model;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.MutuallyExclusive;
import org.tipline.gateway.intake.validation.PermanentSuspension;
import org.tipline.gateway.intake.validation.WebUrl;
import org.tipline.gateway.kernel.ReportCodes.AssociatedAccountType;
import org.tipline.gateway.platform.validation.InPast;

/** Another account linked to a party (billing, linked, parent or guardian…): an age or a date of birth, not both. */
@MutuallyExclusive({"approximateAge", "dateOfBirth"})
public record AssociatedAccount(@NotNull AssociatedAccountType type, @Size(max = 256) String platform,
        Boolean thirdPartyUser, @Size(max = 100) String firstName, @Size(max = 100) String middleName,
        @Size(max = 100) String lastName, @Min(0) @Max(150) Integer approximateAge, @InPast LocalDate dateOfBirth,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Phone> phones,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Email> emails, Boolean allEmailsReported,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Address> addresses, @Size(max = 100) String espService,
        @Size(max = 255) String espIdentifier,
        @Size(max = Limits.ITEMS) List<@NotNull @WebUrl String> profileUrls, @Size(max = 256) String screenName,
        @Size(max = Limits.ITEMS) List<@NotNull @Size(max = 255) String> displayNames,
        @Size(max = Limits.TEXT) String profileBio, @Size(max = 255) String groupIdentifier,
        Boolean compromisedAccount, @Valid AccountStatus accountTemporarilyDisabled,
        @Valid @PermanentSuspension AccountStatus accountPermanentlyDisabled,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid IpCaptureEvent> ipCaptureEvents,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid DeviceId> deviceIds,
        @Size(max = Limits.ITEMS) List<@NotNull @Positive Long> priorReportIds,
        @Size(max = Limits.TEXT) String additionalInfo) {
}
