package org.tipline.gateway.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.tipline.gateway.delivery.DeliveryRepository;
import org.tipline.gateway.delivery.DeliveryStatus;
import org.tipline.gateway.delivery.Forwarding;
import org.tipline.gateway.kernel.Ids;
import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.kernel.ReportFacts;
import org.tipline.gateway.kernel.ReportState;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.GroupCommit;
import org.tipline.gateway.platform.db.GroupCommits;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.report.ReportResults.Opened;
import org.tipline.gateway.report.ReportResults.Retracted;
import org.tipline.gateway.report.ReportResults.Submitted;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditEntry;
import org.tipline.gateway.trail.AuditTrail;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.StartupEvent;

/**
 * The report lifecycle: OPEN, then SUBMITTED, RETRACTED or EXPIRED. Every change commits in one transaction with its
 * idempotency key, delivery and outbox rows before it is answered; a report another platform owns is "not found".
 */
@ApplicationScoped
public class ReportService {

    private static final Logger LOGGER = Logger.getLogger(ReportService.class);
    private static final Duration OPEN_FOR = Duration.ofHours(24);
    private static final Duration IDLE_FOR = Duration.ofHours(1);

    private final Database database;
    private final Idempotency idempotency;
    private final ReportRepository reports;
    private final FileRepository files;
    private final DeliveryRepository deliveries;
    private final Submission submission;
    private final Forwarding forwarding;
    private final AuditTrail audit;
    private final Clock clock;
    private final GroupCommits groupCommits;
    private final ReportWriter writer;
    private volatile GroupCommit<NewReport> newReports;

    ReportService(Database database, Idempotency idempotency, ReportRepository reports, FileRepository files,
            DeliveryRepository deliveries, Submission submission, Forwarding forwarding, AuditTrail audit,
            Clock clock, GroupCommits groupCommits, ReportWriter writer) {
        this.groupCommits = groupCommits;
        this.writer = writer;
        this.database = database;
        this.idempotency = idempotency;
        this.reports = reports;
        this.files = files;
        this.deliveries = deliveries;
        this.submission = submission;
        this.forwarding = forwarding;
        this.audit = audit;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        newReports = groupCommits.start("report-commit", writer, NewReport::bytes);
    }

    /** Opens a report (201), committed with the other requests' reports waiting at that moment. */
    public Outcome<Opened> open(Caller caller, IdempotencyKey key, byte[] digest, ReportDocument document) {
        ReportFacts facts = ReportFacts.of(submission.tree(document));
        Report opened = newReport(caller, facts);
        return write(new NewReport(key, digest, 201, new Opened(opened.id(), opened.state(), opened.expiresAt()),
                opened, document, facts.batched(), null, List.of(opened(caller, opened, document, facts))),
                Opened.class);
    }

    /**
     * Opens and finishes a report (202) in one go: routed, receipted and checked before the transaction, then
     * written as submitted with the other requests' reports waiting at that moment.
     */
    public Outcome<Submitted> openAndFinish(Caller caller, IdempotencyKey key, byte[] digest,
            ReportDocument document) {
        JsonNode tree = submission.tree(document);
        ReportFacts facts = ReportFacts.of(tree);
        Report opened = newReport(caller, facts);
        Submission.Plan plan = submission.plan(caller.auditActor(), opened, document, tree, facts, List.of(),
                submission.regimes(opened.platformId()));
        List<AuditEntry> events = new ArrayList<>();
        events.add(opened(caller, opened, document, facts));
        events.addAll(plan.audit());
        Outcome<Submitted> outcome = write(new NewReport(key, digest, 202, plan.result(), opened, document,
                facts.batched(), plan, events), Submitted.class);
        forwarding.committed(opened.priority());
        return outcome;
    }

    /** Writes a new report; if its key was taken, the answer stored with the key instead. */
    private <T> Outcome<T> write(NewReport report, Class<T> resultType) {
        if (newReports.commit(report)) {
            return new Outcome<>(resultType.cast(report.result()), report.status(), false);
        }
        return database.withConnection(connection -> idempotency.replay(connection, report.key(),
                report.requestDigest(), resultType));
    }

    /** Finishes an open report: final validation, routing, receipt, queued for forwarding (202). */
    public Outcome<Submitted> finish(Caller caller, IdempotencyKey key, byte[] digest, UUID reportId) {
        AtomicReference<Priority> queued = new AtomicReference<>(Priority.P3_STANDARD);
        Outcome<Submitted> outcome = expiringIfDue(() -> database.inTransaction(connection -> idempotency.once(
                connection, key, digest, 202, Submitted.class, () -> {
                    Report report = openReport(connection, caller.platformId(), reportId, "finish");
                    queued.set(report.priority());
                    return submission.submit(connection, caller.auditActor(), report,
                            reports.content(connection, reportId));
                })));
        forwarding.committed(queued.get());
        return outcome;
    }

    /** Retracts an open report (200); a submitted one cannot be retracted. */
    public Outcome<Retracted> retract(Caller caller, IdempotencyKey key, byte[] digest, UUID reportId) {
        return expiringIfDue(() -> database.inTransaction(connection -> idempotency.once(connection, key, digest, 200,
                Retracted.class, () -> {
                    Report report = openReport(connection, caller.platformId(), reportId, "retract");
                    Instant now = clock.instant();
                    reports.updateState(connection, new Report(report.id(), report.platformId(),
                            ReportState.RETRACTED, report.incidentType(), report.priority(), report.openedAt(), now,
                            null, null));
                    audit.record(connection, AuditEntries.reportRetracted(caller.auditActor(), report.platformId(),
                            report.id()));
                    return new Retracted(report.id(), ReportState.RETRACTED);
                })));
    }

    /** A report's state, files and per-destination delivery. */
    public ReportStatus status(String platformId, UUID reportId) {
        return database.withConnection(connection -> {
            Report report = reports.findOwned(connection, reportId, platformId, false)
                    .orElseThrow(() -> new ReportNotFoundException(reportId));
            List<DeliveryStatus> delivery = deliveries.ofReport(connection, reportId);
            return new ReportStatus(report, files.ofReport(connection, reportId), delivery);
        });
    }

    /** A page of the platform's reports, newest first. */
    public List<Report> list(String platformId, ReportQuery query) {
        return database.withConnection(connection -> reports.list(connection, platformId, query));
    }

    /** The signed receipt of a submitted report. */
    public String receipt(String platformId, UUID reportId) {
        return database.withConnection(connection -> {
            Report report = reports.findOwned(connection, reportId, platformId, false)
                    .orElseThrow(() -> new ReportNotFoundException(reportId));
            if (report.state() != ReportState.SUBMITTED) {
                throw new ReportStateException("Report " + reportId + " is " + report.state()
                        + "; only submitted reports have a receipt");
            }
            return reports.receipt(connection, reportId).orElseThrow();
        });
    }

    /**
     * Runs a change of an open report; if the report turns out to have expired, the change was rolled back, so the
     * expiry is committed on its own before the 409 is answered.
     */
    public <T> T expiringIfDue(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (ReportExpiredException e) {
            database.inTransaction(connection -> {
                Instant now = clock.instant();
                for (Report report : reports.findAll(connection, List.of(e.reportId())).values()) {
                    if (report.state() == ReportState.OPEN && !report.expiresAt().isAfter(now)) {
                        reports.updateState(connection, expired(report, now));
                        audit.record(connection, AuditEntries.reportExpired(report.platformId(), report.id()));
                    }
                }
                return null;
            });
            throw e;
        }
    }

    /** Moves open reports whose time has run out to EXPIRED; returns how many. */
    public int expireDue(int limit) {
        return database.inTransaction(connection -> {
            Instant now = clock.instant();
            List<Report> due = reports.lockExpired(connection, now, limit);
            for (Report report : due) {
                reports.updateState(connection, expired(report, now));
            }
            audit.record(connection, due.stream().map(r -> AuditEntries.reportExpired(r.platformId(), r.id()))
                    .toList());
            return due.size();
        });
    }

    /**
     * The open report for a change by the platform: locked, extended by NCMEC's idle rule. An open report past its
     * expiry is expired on the spot and the change refused.
     */
    Report lockOpenForChange(Connection connection, String platformId, UUID reportId, String action)
            throws SQLException {
        Report report = openReport(connection, platformId, reportId, action);
        Instant now = clock.instant();
        Report touched = new Report(report.id(), report.platformId(), report.state(), report.incidentType(),
                report.priority(), report.openedAt(), now, null, expiry(report.openedAt(), now));
        reports.updateState(connection, touched);
        return touched;
    }

    /**
     * Adds an uploaded file to a report, in the caller's transaction: to an open report (extending its time), or to a
     * submitted one, where it waits for a supplement to forward it.
     */
    public ReportFile attachFile(Connection connection, Caller caller, ReportFile file) throws SQLException {
        String platformId = caller.platformId();
        Report report = reports.findOwned(connection, file.reportId(), platformId, true)
                .orElseThrow(() -> new ReportNotFoundException(file.reportId()));
        boolean afterSubmission = report.state() == ReportState.SUBMITTED;
        if (!afterSubmission) {
            lockOpenForChange(connection, platformId, file.reportId(), "add a file to");
        }
        ReportFile stored = new ReportFile(file.id(), file.reportId(), file.sizeBytes(), file.md5(), file.sha1(),
                file.sha256(), file.mediaType(), file.contentKeyId(), file.uploadedAt(), file.relevance(),
                file.annotations(), 0, afterSubmission, null);
        files.insert(connection, stored);
        audit.record(connection, AuditEntries.fileUploaded(caller.auditActor(), platformId, file.reportId(),
                file.id(), file.sizeBytes(), stored.sha256Hex(), afterSubmission));
        return stored;
    }

    /** Sets an uploaded file's details while its report is open. */
    public void setFileDetails(Connection connection, Caller caller, UUID reportId, UUID fileId,
            ReportDocument details, FileRelevance relevance, java.util.Set<FileAnnotation> annotations)
            throws SQLException {
        lockOpenForChange(connection, caller.platformId(), reportId, "change a file of");
        ReportFile file = files.find(connection, fileId).filter(f -> f.reportId().equals(reportId))
                .orElseThrow(() -> new ReportFileNotFoundException(fileId));
        files.setDetails(connection, file.id(), details, relevance, annotations, clock.instant());
        audit.record(connection, AuditEntries.fileDetailsSet(caller.auditActor(), caller.platformId(), reportId,
                fileId, details.digest(), relevance.name(), annotations.stream().map(Enum::name).sorted().toList()));
    }

    private Report newReport(Caller caller, ReportFacts facts) {
        Instant now = clock.instant();
        return new Report(Ids.uuidV7(clock), caller.platformId(), ReportState.OPEN, facts.incidentType(),
                facts.priority(), now, now, null, expiry(now, now));
    }

    private static AuditEntry opened(Caller caller, Report opened, ReportDocument document, ReportFacts facts) {
        return AuditEntries.reportOpened(caller.auditActor(), opened.platformId(), opened.id(),
                opened.incidentType(), opened.priority().name(), document.digest(), facts.batched());
    }

    private Report openReport(Connection connection, String platformId, UUID reportId, String action)
            throws SQLException {
        Report report = reports.findOwned(connection, reportId, platformId, true)
                .orElseThrow(() -> new ReportNotFoundException(reportId));
        Instant now = clock.instant();
        if (report.state() == ReportState.OPEN && !report.expiresAt().isAfter(now)) {
            LOGGER.infof("Report %s had expired when the platform tried to %s it", reportId, action);
            throw new ReportExpiredException(reportId);
        }
        if (report.state() != ReportState.OPEN) {
            throw new ReportStateException("Cannot " + action + " report " + reportId + ": it is " + report.state());
        }
        return report;
    }

    private static Report expired(Report report, Instant now) {
        return new Report(report.id(), report.platformId(), ReportState.EXPIRED, report.incidentType(),
                report.priority(), report.openedAt(), now, null, null);
    }

    /** NCMEC's rule: an open report expires at max(24 h after opening, 1 h after the last change). */
    static Instant expiry(Instant openedAt, Instant lastChange) {
        Instant a = openedAt.plus(OPEN_FOR);
        Instant b = lastChange.plus(IDLE_FOR);
        return a.isAfter(b) ? a : b;
    }
}
