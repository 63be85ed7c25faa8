package org.tipline.gateway.intake.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.CountryCode;
import org.tipline.gateway.intake.validation.ValidReport;
import org.tipline.gateway.kernel.Priority;

/**
 * The HTTP model of a report (REPORT-MODEL.md): a superset of NCMEC's CyberTipline report. Field rules are on the
 * components; the rules that span fields (priority and reason, batched mode, party roles, email addresses) are
 * {@link ValidReport}.
 */
@ValidReport
public record ReportRequest(@NotNull @Valid Incident incident, @NotNull @Valid Reporter reporter, Priority priority,
        @Size(max = 3000) String escalationReason, @Valid Detection detection,
        @Size(max = Limits.ITEMS) List<@NotNull @CountryCode String> jurisdictions,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                message = "{tipline.violation.INVALID_FORMAT.destination}") String> destinations,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid PreviousReport> previousReports,
        @Valid Declaration declaration, @Valid Batch batch,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid InternetDetail> internetDetails,
        @Valid LawEnforcement lawEnforcement,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Party> reportedPersons,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Party> intendedRecipients,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Party> victims,
        @Size(max = Limits.TEXT) String additionalInfo) {

    /** Whether this is a batched report (named so that Jackson does not take it for a property). */
    public boolean batched() {
        return batch != null;
    }
}
