package org.tipline.gateway.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportState;

/** What lifecycle operations return; stored with idempotency keys and replayed, so identifiers only. */
public final class ReportResults {

    private ReportResults() {
    }

    /** A report was opened. */
    public record Opened(UUID reportId, ReportState state, Instant expiresAt) {
    }

    /** A report was finished: routed, frozen, queued for forwarding, with its signed receipt. */
    public record Submitted(UUID reportId, ReportState state, Instant submittedAt, List<String> destinations,
            String receipt) {
    }

    /** A report was retracted. */
    public record Retracted(UUID reportId, ReportState state) {
    }

    /** A supplement was queued for the report's destinations, with the files it forwards. */
    public record Supplemented(UUID supplementId, UUID reportId, List<String> destinations, List<UUID> fileIds) {
    }

    /** A report's priority was raised and the escalation queued for its destinations. */
    public record Escalated(UUID escalationId, UUID reportId, Priority priority, List<String> destinations) {
    }

}
