package org.tipline.gateway.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;
import org.tipline.gateway.report.FileRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code evidence-sweeper} worker: removes what an upload left in the store without a committed ledger row (an
 * ambiguous commit, a crash between storing and committing) and temporary files of uploads that never finished, once
 * they are older than {@code tipline.evidence.orphan-grace}. An object with a row is never touched. Safe on every
 * instance at once: removing is idempotent.
 */
@ApplicationScoped
public class EvidenceSweeper {

    private static final Logger LOGGER = Logger.getLogger(EvidenceSweeper.class);
    private static final int BATCH = 500;

    private final EvidenceStore store;
    private final FileRepository files;
    private final Database database;
    private final EvidenceConfig config;
    private final Workers workers;
    private final MeterRegistry metrics;
    private final Clock clock;

    EvidenceSweeper(EvidenceStore store, FileRepository files, Database database, EvidenceConfig config,
            Workers workers, MeterRegistry metrics, Clock clock) {
        this.store = store;
        this.files = files;
        this.database = database;
        this.config = config;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        workers.start("evidence-sweeper", WorkerSettings.polling(config.sweepInterval())
                .startingAfter(Duration.ofMinutes(1)), this::round);
    }

    Round round() {
        try {
            return sweep(config.orphanGrace()).full() ? Round.MORE : Round.IDLE;
        } catch (LedgerUnavailableException e) {
            LOGGER.debug("Evidence sweep skipped: ledger unavailable");
            return Round.PAUSED;
        }
    }

    /** What one sweep removed; {@code full} when it stopped at its batch size and more may be waiting. */
    public record Swept(int orphans, int partials, boolean full) {
    }

    /** Removes orphan objects and stale temporary files unchanged for longer than {@code grace}. */
    public Swept sweep(Duration grace) {
        EvidenceStore.Leftovers leftovers;
        try {
            leftovers = store.leftoversBefore(clock.instant().minus(grace), BATCH);
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the evidence store failed", e);
        }
        int partials = 0;
        for (Path partial : leftovers.partials()) {
            partials += store.removePartial(partial) ? 1 : 0;
        }
        int orphans = 0;
        if (!leftovers.objects().isEmpty()) {
            Set<UUID> committed = database.withConnection(c -> files.existing(c, leftovers.objects()));
            for (UUID fileId : leftovers.objects()) {
                if (!committed.contains(fileId) && store.removeOrphan(fileId)) {
                    orphans++;
                }
            }
        }
        if (orphans + partials > 0) {
            LOGGER.infof("Evidence sweep removed %d orphan objects and %d stale partial uploads", orphans, partials);
            metrics.counter("tipline.evidence.swept", "kind", "orphan").increment(orphans);
            metrics.counter("tipline.evidence.swept", "kind", "partial").increment(partials);
        }
        return new Swept(orphans, partials, leftovers.objects().size() >= BATCH);
    }
}
