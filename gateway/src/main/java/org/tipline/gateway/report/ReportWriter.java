package org.tipline.gateway.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.delivery.Forwarding;
import org.tipline.gateway.platform.db.GroupCommit;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.trail.AuditEntry;
import org.tipline.gateway.trail.AuditTrail;

/**
 * Writes new reports of many requests in the caller's transaction, one statement per table: their idempotency keys
 * (with the answers), the report rows, for submitted ones the delivery and outbox rows, and every audit event. A report
 * whose key is already taken is not written; its request replays the stored answer.
 */
@ApplicationScoped
class ReportWriter implements GroupCommit.Writer<NewReport> {

    private final Idempotency idempotency;
    private final ReportRepository reports;
    private final Forwarding forwarding;
    private final AuditTrail audit;

    ReportWriter(Idempotency idempotency, ReportRepository reports, Forwarding forwarding, AuditTrail audit) {
        this.idempotency = idempotency;
        this.reports = reports;
        this.forwarding = forwarding;
        this.audit = audit;
    }

    @Override
    public Set<NewReport> write(Connection connection, List<NewReport> units) throws SQLException {
        Set<IdempotencyKey> claimed = idempotency.claimAll(connection, units.stream().map(NewReport::claim)
                .toList());
        List<NewReport> written = new ArrayList<>();
        for (NewReport unit : units) {
            if (claimed.remove(unit.key())) { // removed: of two units with one key, only the first claimed it
                written.add(unit);
            }
        }
        reports.insertAll(connection, written);
        forwarding.queueReports(connection, written.stream().filter(unit -> unit.submission() != null)
                .map(unit -> unit.submission().queued()).toList());
        List<AuditEntry> events = new ArrayList<>();
        written.forEach(unit -> events.addAll(unit.audit()));
        audit.record(connection, events);
        return GroupCommit.identitySetOf(written);
    }
}
