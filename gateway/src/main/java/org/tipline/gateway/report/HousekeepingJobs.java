package org.tipline.gateway.report;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;

import io.quarkus.runtime.StartupEvent;

/**
 * Periodic lifecycle work as two workers, safe to run on every instance at once: {@code report-expiry} moves open
 * reports past their time to EXPIRED ({@code FOR UPDATE SKIP LOCKED}) and {@code idempotency-purge} forgets
 * idempotency keys past their retention.
 */
@ApplicationScoped
public class HousekeepingJobs {

    private static final Logger LOGGER = Logger.getLogger(HousekeepingJobs.class);
    private static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

    private final ReportService reports;
    private final Database database;
    private final Idempotency idempotency;
    private final LifecycleConfig config;
    private final Workers workers;

    HousekeepingJobs(ReportService reports, Database database, Idempotency idempotency, LifecycleConfig config,
            Workers workers) {
        this.reports = reports;
        this.database = database;
        this.idempotency = idempotency;
        this.config = config;
        this.workers = workers;
    }

    void start(@Observes StartupEvent event) {
        workers.start("report-expiry", WorkerSettings.polling(config.expiryInterval())
                .startingAfter(Duration.ofSeconds(10)), this::expireOpenReports);
        workers.start("idempotency-purge", WorkerSettings.polling(Duration.ofHours(1))
                .startingAfter(Duration.ofMinutes(1)), this::purgeIdempotencyKeys);
    }

    /** Expires one batch of open reports past their time; more follow at once while batches are full. */
    Round expireOpenReports() {
        try {
            int expired = reports.expireDue(config.expiryBatch());
            if (expired > 0) {
                LOGGER.infof("Expired %d open reports", expired);
            }
            return expired == config.expiryBatch() ? Round.MORE : Round.IDLE;
        } catch (LedgerUnavailableException e) {
            LOGGER.debug("Expiry skipped: ledger unavailable");
            return Round.PAUSED;
        }
    }

    Round purgeIdempotencyKeys() {
        Duration retention = config.idempotencyRetention().compareTo(MINIMUM_RETENTION) < 0
                ? MINIMUM_RETENTION
                : config.idempotencyRetention();
        try {
            int purged = database.inTransaction(c -> idempotency.purgeOlderThan(c, retention));
            LOGGER.debugf("Purged %d idempotency keys older than %s", purged, retention);
            return Round.IDLE;
        } catch (LedgerUnavailableException e) {
            LOGGER.debug("Idempotency purge skipped: ledger unavailable");
            return Round.PAUSED;
        }
    }
}
