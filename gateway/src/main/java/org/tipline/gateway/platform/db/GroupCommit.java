package org.tipline.gateway.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit: callers hand in units of work and wait; committers write every unit waiting when they start in one
 * transaction, with one commit, and answer each caller once it committed. The {@link Writer} writes a whole group
 * (multi-row statements) and says which units it wrote; a unit it skips (its idempotency key was taken) is answered
 * {@code false}.
 * <p>
 * A group that fails because the ledger is unreachable fails every unit with that. A group that fails otherwise (one
 * unit breaks a constraint, waits too long for a lock) is written again unit by unit, each in its own transaction, so
 * one bad unit fails alone. A caller whose group gets no answer in time gets {@link LedgerUnavailableException}, as it
 * would from an unreachable ledger; its idempotency key tells a retry whether it was written.
 */
public final class GroupCommit<U> {

    /** Writes a group of units in the caller's transaction. */
    @FunctionalInterface
    public interface Writer<U> {

        /** Writes {@code units} and returns those it wrote (by identity); the others are answered {@code false}. */
        Set<U> write(Connection connection, List<U> units) throws SQLException;
    }

    private static final Logger LOGGER = Logger.getLogger(GroupCommit.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long a caller waits for its group: far longer than any commit, shorter than a client's patience. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Database database;
    private final Writer<U> writer;
    private final ToLongFunction<U> size;
    private final LedgerConfig.GroupCommit config;
    private final LinkedBlockingQueue<Pending<U>> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary groups;

    GroupCommit(String name, Database database, Writer<U> writer, ToLongFunction<U> size,
            LedgerConfig.GroupCommit config, MeterRegistry metrics) {
        this.name = name;
        this.database = database;
        this.writer = writer;
        this.size = size;
        this.config = config;
        this.groups = DistributionSummary.builder("tipline.ledger.group.requests")
                .description("Requests written by one group-commit transaction").tag("group", name)
                .publishPercentileHistogram().register(metrics);
    }

    /**
     * Writes {@code unit} with whatever else is waiting and returns once its transaction committed: true if written,
     * false if the writer skipped it.
     *
     * @throws RuntimeException what writing it threw: {@link LedgerUnavailableException} (or its
     *         {@link AmbiguousCommitException}) when the ledger could not be reached or answered too late, a writer's
     *         own exception when the unit failed alone
     */
    public boolean commit(U unit) {
        if (!config.enabled()) {
            return database.inTransaction(connection -> writer.write(connection, List.of(unit)).contains(unit));
        }
        Pending<U> pending = new Pending<>(unit);
        queue.add(pending);
        try {
            return pending.answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // answers are completed with unchecked exceptions only
        } catch (TimeoutException e) {
            throw new LedgerUnavailableException(new SQLException(name + ": no commit within " + ANSWER_TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException(new SQLException(name + ": interrupted while waiting for a commit"));
        }
    }

    /** Units waiting for a committer. */
    public int waiting() {
        return queue.size();
    }

    /** A committer: the background task of one {@code <name>-<n>} worker. */
    BackgroundTask committer() {
        return new BackgroundTask() {

            @Override
            public Round round() throws InterruptedException {
                Pending<U> first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    return Round.IDLE;
                }
                List<Pending<U>> group = gather(first);
                groups.record(group.size());
                commitGroup(group);
                return Round.MORE;
            }

            @Override
            public void close() {
                List<Pending<U>> left = new ArrayList<>();
                queue.drainTo(left);
                LedgerUnavailableException stopping = new LedgerUnavailableException(
                        new SQLException(name + ": the gateway is stopping"));
                left.forEach(pending -> pending.answer.completeExceptionally(stopping));
            }
        };
    }

    /** {@code first} and what else is waiting, up to the group's limits. */
    private List<Pending<U>> gather(Pending<U> first) {
        List<Pending<U>> group = new ArrayList<>();
        group.add(first);
        long bytes = size.applyAsLong(first.unit);
        while (group.size() < config.maxRequests()) {
            Pending<U> next = queue.peek();
            if (next == null || bytes + size.applyAsLong(next.unit) > config.maxBytes()) {
                break;
            }
            Pending<U> taken = queue.poll();
            if (taken == null) {
                break;
            }
            group.add(taken);
            bytes += size.applyAsLong(taken.unit);
        }
        return group;
    }

    /** Writes a group in one transaction; answers every unit, whatever happens. */
    void commitGroup(List<Pending<U>> group) {
        try {
            List<U> units = group.stream().map(Pending::unit).toList();
            Set<U> written = database.inTransaction(connection -> writer.write(connection, units));
            group.forEach(pending -> pending.answer.complete(written.contains(pending.unit)));
        } catch (LedgerUnavailableException e) {
            group.forEach(pending -> pending.answer.completeExceptionally(e));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).answer.completeExceptionally(e);
                return;
            }
            LOGGER.debugf("%s: a group of %d failed (%s); writing its units one by one", name, group.size(),
                    e.getClass().getSimpleName());
            group.forEach(pending -> commitGroup(List.of(pending)));
        } catch (Error e) {
            group.forEach(pending -> pending.answer.completeExceptionally(e));
            throw e;
        }
    }

    /** A unit and the answer its caller waits for. */
    record Pending<U>(U unit, CompletableFuture<Boolean> answer) {

        Pending(U unit) {
            this(unit, new CompletableFuture<>());
        }
    }

    /** The units of {@code units} that {@code written} holds, by identity: what a {@link Writer} returns. */
    public static <U> Set<U> identitySetOf(List<U> units) {
        Set<U> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(units);
        return set;
    }
}
