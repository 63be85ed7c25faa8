package org.tipline.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.report.FileRepository;
import org.tipline.gateway.report.ReportFile;
import org.tipline.gateway.report.ReportFileNotFoundException;
import org.tipline.gateway.report.ReportRepository;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

/** Gives a receiver the evidence of reports routed to it: decrypted on the fly, never from another destination. */
@ApplicationScoped
public class EvidenceAccess {

    private final Database database;
    private final FileRepository files;
    private final ReportRepository reports;
    private final EvidenceStore store;
    private final AuditTrail audit;

    EvidenceAccess(Database database, FileRepository files, ReportRepository reports, EvidenceStore store,
            AuditTrail audit) {
        this.database = database;
        this.files = files;
        this.reports = reports;
        this.store = store;
        this.audit = audit;
    }

    /** An evidence file opened for reading. */
    public record Opened(InputStream content, String mediaType, long sizeBytes, String sha256) {
    }

    /** Opens file {@code fileId} for {@code intake} at {@code destination}; 404 unless it was forwarded there. */
    public Opened open(Caller intake, String destination, UUID fileId) {
        ReportFile file = database.withConnection(connection -> {
            var found = files.find(connection, fileId).filter(f -> !f.afterSubmission() || f.additionId() != null);
            if (found.isEmpty() || !reports.destinations(connection, found.get().reportId()).contains(destination)) {
                return null;
            }
            return found.get();
        });
        if (file == null) {
            throw new ReportFileNotFoundException(fileId);
        }

        audit.recordRead(AuditEntries.evidenceAccessed(intake.auditActor(), file.reportId(), destination,
                file.id(), file.sha256Hex()));
        try {
            return new Opened(store.read(file.id(), file.contentKeyId()), file.mediaType(), file.sizeBytes(),
                    file.sha256Hex());
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence " + fileId + " cannot be read", e);
        }
    }
}
