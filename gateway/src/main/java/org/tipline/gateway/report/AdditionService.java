package org.tipline.gateway.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.delivery.Forwarding;
import org.tipline.gateway.delivery.MessageKind;
import org.tipline.gateway.kernel.Ids;
import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.kernel.ReportState;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.report.AdditionRepository.Kind;
import org.tipline.gateway.report.ReportResults.Escalated;
import org.tipline.gateway.report.ReportResults.Supplemented;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

/**
 * What a platform sends after submitting: supplements (new information, files uploaded since) and escalations (a
 * raised priority with a reason). Each commits with one outbox message per destination of the report; an escalation
 * to P1 travels on the urgent lanes.
 */
@ApplicationScoped
public class AdditionService {

    private final Database database;
    private final Idempotency idempotency;
    private final ReportRepository reports;
    private final AdditionRepository additions;
    private final FileRepository files;
    private final Forwarding forwarding;
    private final AuditTrail audit;
    private final Clock clock;

    AdditionService(Database database, Idempotency idempotency, ReportRepository reports,
            AdditionRepository additions, FileRepository files, Forwarding forwarding, AuditTrail audit,
            Clock clock) {
        this.database = database;
        this.idempotency = idempotency;
        this.reports = reports;
        this.additions = additions;
        this.files = files;
        this.forwarding = forwarding;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a supplement and the files it names (uploaded after submission, not yet forwarded) (201). */
    public Outcome<Supplemented> supplement(Caller caller, IdempotencyKey key, byte[] digest, UUID reportId,
            ReportDocument content, List<UUID> fileIds) {
        String platformId = caller.platformId();
        AtomicReference<Priority> queued = new AtomicReference<>(Priority.P3_STANDARD);
        Outcome<Supplemented> outcome = database.inTransaction(connection -> idempotency.once(connection, key, digest,
                201, Supplemented.class, () -> {
                    Report report = submitted(connection, platformId, reportId, "supplement");
                    queued.set(report.priority());
                    UUID id = Ids.uuidV7(clock);
                    Instant now = clock.instant();
                    additions.insert(connection, id, reportId, Kind.SUPPLEMENT, report.priority(), content, now);
                    if (!fileIds.isEmpty()
                            && files.attachToAddition(connection, reportId, fileIds, id) != fileIds.size()) {
                        throw new UnprocessableException("Unknown files", List.of(new Violation("/fileIds",
                                ViolationCode.INVALID_VALUE, "must name files uploaded to this report after it was"
                                        + " submitted and not yet sent with a supplement")));
                    }
                    List<String> destinations = reports.destinations(connection, reportId);
                    forwarding.queueAddition(connection, reportId, destinations, MessageKind.SUPPLEMENT,
                            report.priority(), id, now, ReportFile.sizeOf(content, fileIds.isEmpty()
                                    ? List.of()
                                    : files.ofAddition(connection, id)));
                    audit.record(connection, AuditEntries.supplemented(caller.auditActor(), platformId, reportId,
                            id, content.digest(), fileIds, destinations));
                    return new Supplemented(id, reportId, destinations, fileIds);
                }));
        forwarding.committed(queued.get());
        return outcome;
    }

    /** Raises a submitted report's priority and queues the escalation (202); lowering it is refused. */
    public Outcome<Escalated> escalate(Caller caller, IdempotencyKey key, byte[] digest, UUID reportId,
            Priority priority, ReportDocument content) {
        String platformId = caller.platformId();
        Outcome<Escalated> outcome = database.inTransaction(connection -> idempotency.once(connection, key, digest,
                202, Escalated.class, () -> {
                    Report report = submitted(connection, platformId, reportId, "escalate");
                    if (priority.rank() >= report.priority().rank()) {
                        throw new UnprocessableException("Not an escalation", List.of(new Violation("/priority",
                                ViolationCode.NOT_ALLOWED, "must be more urgent than the report's current priority "
                                        + report.priority())));
                    }
                    UUID id = Ids.uuidV7(clock);
                    Instant now = clock.instant();
                    additions.insert(connection, id, reportId, Kind.ESCALATION, priority, content, now);
                    reports.updatePriority(connection, reportId, priority);
                    List<String> destinations = reports.destinations(connection, reportId);
                    forwarding.queueAddition(connection, reportId, destinations, MessageKind.ESCALATION, priority,
                            id, now, ReportFile.sizeOf(content, List.of()));
                    audit.record(connection, AuditEntries.escalated(caller.auditActor(), platformId, reportId, id,
                            priority.name(), content.digest(), destinations));
                    return new Escalated(id, reportId, priority, destinations);
                }));
        forwarding.committed(priority);
        return outcome;
    }

    private Report submitted(Connection connection, String platformId, UUID reportId, String action)
            throws SQLException {
        Report report = reports.findOwned(connection, reportId, platformId, true)
                .orElseThrow(() -> new ReportNotFoundException(reportId));
        if (report.state() != ReportState.SUBMITTED) {
            throw new ReportStateException("Cannot " + action + " report " + reportId + ": it is " + report.state()
                    + "; only submitted reports have supplements and escalations");
        }
        return report;
    }
}
