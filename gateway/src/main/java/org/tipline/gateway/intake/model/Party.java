package org.tipline.gateway.intake.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.PermanentSuspension;
import org.tipline.gateway.intake.validation.WebUrl;

/**
 * A reported person, intended recipient or victim. {@code vehicleDescription} and {@code thirdPartyUserReported} are
 * for reported persons only, {@code schoolName} for victims only; a victim needs a {@code person}.
 */
public record Party(@Valid Person person, @Size(max = 255) String espIdentifier, @Size(max = 100) String espService,
        @Size(max = 256) String screenName,
        @Size(max = Limits.ITEMS) List<@NotNull @Size(max = 255) String> displayNames,
        @Size(max = Limits.ITEMS) List<@NotNull @WebUrl String> profileUrls,
        @Size(max = Limits.TEXT) String profileBio, Boolean compromisedAccount,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid IpCaptureEvent> ipCaptureEvents,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid DeviceId> deviceIds,
        @Size(max = Limits.ITEMS) List<@NotNull @Positive Long> priorReportIds,
        @Size(max = 255) String groupIdentifier, @Valid AccountStatus accountTemporarilyDisabled,
        @Valid @PermanentSuspension AccountStatus accountPermanentlyDisabled,
        @Valid EstimatedLocation estimatedLocation,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid AssociatedAccount> associatedAccounts,
        Boolean allEmailsReported, @Size(max = Limits.TEXT) String additionalInfo,
        @Size(max = 300) String vehicleDescription, Boolean thirdPartyUserReported,
        @Size(max = 255) String schoolName) {
}
