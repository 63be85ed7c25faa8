package org.tipline.gateway.evidence;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.kernel.Ids;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.platform.db.AmbiguousCommitException;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.platform.idempotency.RequestDigest;
import org.tipline.gateway.report.ReportFile;
import org.tipline.gateway.report.ReportService;
import org.tipline.gateway.security.Caller;

/**
 * Evidence uploads: the bytes are streamed into the encrypted store first (hashed on the way), then the file is
 * attached to its open report in one transaction with the idempotency key. A refused or replayed upload leaves no
 * object behind; after an ambiguous commit the object is kept for {@link EvidenceSweeper} to judge.
 */
@ApplicationScoped
public class EvidenceService {

    private final Database database;
    private final Idempotency idempotency;
    private final ReportService reports;
    private final EvidenceStore store;
    private final Clock clock;

    EvidenceService(Database database, Idempotency idempotency, ReportService reports, EvidenceStore store,
            Clock clock) {
        this.database = database;
        this.idempotency = idempotency;
        this.reports = reports;
        this.store = store;
        this.clock = clock;
    }

    /** The result of an upload (201), replayed for a retry with the same key and bytes. */
    public record Uploaded(UUID fileId, long sizeBytes, String md5, String sha1, String sha256, String mediaType) {
    }

    public Outcome<Uploaded> upload(Caller caller, IdempotencyKey key, String path, UUID reportId,
            String mediaType, InputStream body) {
        reports.status(caller.platformId(), reportId); // 404 before storing anything for a report that is not theirs
        UUID fileId = Ids.uuidV7(clock);
        EvidenceStore.StoredEvidence stored = store.write(fileId, body);
        byte[] bodyDigest = CanonicalJson.sha256((mediaType + "\0" + hex(stored.sha256()))
                .getBytes(StandardCharsets.UTF_8));
        byte[] digest = RequestDigest.of("POST", path, "", bodyDigest);
        try {
            Outcome<Uploaded> outcome = reports.expiringIfDue(() -> database.inTransaction(connection -> idempotency
                    .once(connection, key, digest, 201, Uploaded.class, () -> {
                        ReportFile file = reports.attachFile(connection, caller, new ReportFile(fileId, reportId,
                                stored.sizeBytes(), stored.md5(), stored.sha1(), stored.sha256(), mediaType,
                                stored.keyId(), clock.instant(), FileRelevance.REPORTED,
                                EnumSet.noneOf(FileAnnotation.class), 0, false, null));
                        return new Uploaded(fileId, file.sizeBytes(), file.md5Hex(), file.sha1Hex(),
                                file.sha256Hex(), mediaType);
                    })));
            if (outcome.replayed()) {
                store.discard(fileId);
            }
            return outcome;
        } catch (AmbiguousCommitException e) {
            // The row may be committed: deleting the object could leave a 201 (seen by a retry) without its bytes.
            // The evidence sweeper removes it after the grace period if the ledger has no row for it.
            throw e;
        } catch (RuntimeException e) {
            store.discard(fileId);
            throw e;
        }
    }

    /** Sets the details of a file of an open report. */
    public void setDetails(Caller caller, UUID reportId, UUID fileId, ReportDocument details,
            FileRelevance relevance, java.util.Set<FileAnnotation> annotations) {
        reports.expiringIfDue(() -> database.inTransaction(connection -> {
            reports.setFileDetails(connection, caller, reportId, fileId, details, relevance, annotations);
            return null;
        }));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
