package org.tipline.gateway.report;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.idempotency.Idempotency;

import io.quarkus.scheduler.Scheduled;

/**
 * Periodic lifecycle work, safe to run on every instance at once: expiring open reports past their time
 * ({@code FOR UPDATE SKIP LOCKED}) and forgetting idempotency keys past their retention.
 */
@ApplicationScoped
public class HousekeepingJobs {

    private static final Logger LOGGER = Logger.getLogger(HousekeepingJobs.class);
    private static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

    private final ReportService reports;
    private final Database database;
    private final Idempotency idempotency;
    private final LifecycleConfig config;

    HousekeepingJobs(ReportService reports, Database database, Idempotency idempotency, LifecycleConfig config) {
        this.reports = reports;
        this.database = database;
        this.idempotency = idempotency;
        this.config = config;
    }

    @Scheduled(every = "${tipline.lifecycle.expiry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "10s")
    void expireOpenReports() {
        try {
            int expired;
            do {
                expired = reports.expireDue(config.expiryBatch());
                if (expired > 0) {
                    LOGGER.infof("Expired %d open reports", expired);
                }
            } while (expired == config.expiryBatch());
        } catch (LedgerUnavailableException e) {
            LOGGER.debug("Expiry skipped: ledger unavailable");
        }
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    void purgeIdempotencyKeys() {
        Duration retention = config.idempotencyRetention().compareTo(MINIMUM_RETENTION) < 0
                ? MINIMUM_RETENTION
                : config.idempotencyRetention();
        try {
            int purged = database.inTransaction(c -> idempotency.purgeOlderThan(c, retention));
            LOGGER.debugf("Purged %d idempotency keys older than %s", purged, retention);
        } catch (LedgerUnavailableException e) {
            LOGGER.debug("Idempotency purge skipped: ledger unavailable");
        }
    }
}
