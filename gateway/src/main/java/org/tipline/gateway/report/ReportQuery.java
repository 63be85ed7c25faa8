package org.tipline.gateway.report;

import java.time.Instant;
import java.util.UUID;

import org.tipline.gateway.kernel.ReportState;

/**
 * A listing of a platform's reports: optional state and opening-time window, newest first, a page of {@code limit}
 * after the report {@code before} (the cursor).
 */
public record ReportQuery(ReportState state, Instant from, Instant to, UUID before, int limit) {

    public static final int MAX_LIMIT = 200;

    public ReportQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
