package org.tipline.gateway.intake;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.model.InternetDetail;
import org.tipline.gateway.intake.model.Limits;
import org.tipline.gateway.intake.model.Party;
import org.tipline.gateway.intake.validation.AtLeastOne;
import org.tipline.gateway.kernel.Priority;

/** The HTTP model of what follows a submitted report. */
public final class AdditionRequests {

    private AdditionRequests() {
    }

    /**
     * New information for a submitted report: any of the report model's lists and text, and files uploaded to the
     * report since it was submitted.
     */
    @AtLeastOne({"additionalInfo", "internetDetails", "reportedPersons", "intendedRecipients", "victims", "fileIds"})
    public record SupplementRequest(@Size(max = Limits.TEXT) String additionalInfo,
            @Size(max = Limits.ITEMS) List<@NotNull @Valid InternetDetail> internetDetails,
            @Size(max = Limits.ITEMS) List<@NotNull @Valid Party> reportedPersons,
            @Size(max = Limits.ITEMS) List<@NotNull @Valid Party> intendedRecipients,
            @Size(max = Limits.ITEMS) List<@NotNull @Valid Party> victims,
            @Size(max = Limits.ITEMS) List<@NotNull UUID> fileIds) {
    }

    /** A raised priority and why. */
    public record EscalationRequest(@NotNull Priority priority, @NotNull @Size(max = 3000) String reason) {
    }
}
