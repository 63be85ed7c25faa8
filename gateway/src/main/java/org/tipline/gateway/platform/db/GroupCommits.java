package org.tipline.gateway.platform.db;

import java.time.Duration;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;

import io.micrometer.core.instrument.MeterRegistry;

/** Creates {@link GroupCommit}s and starts their committers as workers ({@code <name>-1}, {@code <name>-2}, …). */
@ApplicationScoped
public class GroupCommits {

    private final Database database;
    private final Workers workers;
    private final LedgerConfig config;
    private final MeterRegistry metrics;

    GroupCommits(Database database, Workers workers, LedgerConfig config, MeterRegistry metrics) {
        this.database = database;
        this.workers = workers;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * A group commit named {@code name} that writes with {@code writer}; {@code size} estimates a unit's bytes. Its
     * committers start at once (none when group commit is off: each unit then gets a transaction of its own).
     */
    public <U> GroupCommit<U> start(String name, GroupCommit.Writer<U> writer, ToLongFunction<U> size) {
        GroupCommit<U> group = new GroupCommit<>(name, database, writer, size, config.groupCommit(), metrics);
        if (config.groupCommit().enabled()) {
            for (int i = 1; i <= config.groupCommit().committers(); i++) {
                workers.start(name + "-" + i, WorkerSettings.polling(Duration.ZERO), group.committer());
            }
        }
        return group;
    }
}
