package org.tipline.gateway.report;

import java.util.List;
import java.util.Objects;

import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.trail.AuditEntry;

/**
 * A report one request opens, and with {@code finish=true} submits, prepared before its transaction: the idempotency
 * key it claims with the answer it gets, the report row, its submission (null when only opened) and its audit
 * events. {@link ReportWriter} writes many of them in one transaction.
 */
record NewReport(IdempotencyKey key, byte[] requestDigest, int status, Object result, Report report,
        ReportDocument document, boolean batched, Submission.Plan submission, List<AuditEntry> audit) {

    NewReport {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestDigest, "requestDigest");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(document, "document");
        audit = List.copyOf(audit);
    }

    Idempotency.Claim claim() {
        return new Idempotency.Claim(key, requestDigest, status, result);
    }

    /** The report as its row is written: submitted when it has a submission, else open. */
    Report row() {
        return submission == null ? report : submission.submitted();
    }

    /** Bytes it adds to a group's statements: its content. */
    long bytes() {
        return document.length();
    }
}
