package org.tipline.gateway.report;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.kernel.ReportState;

/**
 * A report's metadata as the ledger holds it; the content is a {@link ReportDocument} kept apart. Immutable: a state
 * change yields a new value.
 *
 * @param submittedAt set when SUBMITTED, otherwise null
 * @param expiresAt set when OPEN, otherwise null
 */
public record Report(UUID id, String platformId, ReportState state, String incidentType, Priority priority,
        Instant openedAt, Instant updatedAt, Instant submittedAt, Instant expiresAt) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(incidentType, "incidentType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((state == ReportState.SUBMITTED) != (submittedAt != null)) {
            throw new IllegalArgumentException("submittedAt is set exactly when the state is SUBMITTED");
        }
        if ((state == ReportState.OPEN) != (expiresAt != null)) {
            throw new IllegalArgumentException("expiresAt is set exactly when the state is OPEN");
        }
    }
}
