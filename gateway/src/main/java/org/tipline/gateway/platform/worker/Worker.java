package org.tipline.gateway.platform.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * One background loop on its own thread: runs its {@link BackgroundTask} round after round, waits for the poll
 * interval or a {@link #wakeUp()} when idle, backs off while a dependency is unavailable, and survives any exception
 * out of a round: it reports the failure (the worker turns unhealthy, so readiness goes DOWN with its name), closes and
 * reopens the task after a back-off pause, and turns healthy again with the next round that completes. A round that
 * runs longer than the stuck limit also makes it unhealthy. Created and stopped by {@link Workers}.
 */
public final class Worker {

    /** What a worker is doing. */
    public enum State {
        STARTING, RUNNING, PAUSED, FAILED, DONE, STOPPED
    }

    /**
     * A worker as the health check and tests see it.
     *
     * @param reason why it is unhealthy, paused or failing (exception class names only, never messages); else null
     * @param failures unexpected failures since start
     */
    public record Status(String name, State state, boolean healthy, String reason, long failures) {
    }

    private static final Logger LOGGER = Logger.getLogger(Worker.class);

    private final String name;
    private final WorkerSettings settings;
    private final BackgroundTask task;
    private final Supplier<Iterable<RoundListener>> listeners;
    private final Duration stuckAfter;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private volatile State state = State.STARTING;
    private volatile String reason;
    private volatile long roundStartedNanos;
    private Thread thread;

    Worker(String name, WorkerSettings settings, BackgroundTask task, Supplier<Iterable<RoundListener>> listeners,
            Duration stuckAfter) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.task = Objects.requireNonNull(task, "task");
        this.listeners = listeners;
        this.stuckAfter = stuckAfter;
    }

    public String name() {
        return name;
    }

    /** Asks the worker to start its next round now instead of after its poll interval. */
    public void wakeUp() {
        wake.release();
    }

    /** The worker's state; unhealthy when its last round failed, its round is stuck, or its thread died. */
    public Status status() {
        long started = roundStartedNanos;
        State now = state;
        if (started != 0 && System.nanoTime() - started > stuckAfter.toNanos()) {
            return new Status(name, now, false, "stuck: a round has run for more than " + stuckAfter, failures.get());
        }
        if (running && thread != null && !thread.isAlive()) {
            return new Status(name, now, false, "its thread ended unexpectedly", failures.get());
        }
        return new Status(name, now, now != State.FAILED, reason, failures.get());
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tipline-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the current round, waiting at most {@code timeout}; the task is closed on the worker's thread. */
    synchronized void stop(Duration timeout) {
        if (thread == null) {
            return;
        }
        running = false;
        wake.release();
        task.interrupt();
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                LOGGER.warnf("Worker %s did not stop within %s; interrupting it", name, timeout);
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        if (!pause(settings.initialDelay()) || !open(backoff)) {
            finish();
            return;
        }
        while (running) {
            Round round;
            try {
                roundStartedNanos = System.nanoTime() | 1;
                listeners.get().forEach(listener -> listener.beforeRound(name));
                round = task.round();
            } catch (Throwable e) { // an unexpected failure must never end the loop silently
                roundStartedNanos = 0;
                if (!running) {
                    break;
                }
                if (!recover(e, backoff)) {
                    break;
                }
                continue;
            } finally {
                roundStartedNanos = 0;
            }
            if (!next(round, backoff)) {
                break;
            }
        }
        finish();
    }

    /** Acts on a round's result; false when the loop must end. */
    private boolean next(Round round, Backoff backoff) {
        switch (round) {
            case MORE -> healthy(backoff);
            case IDLE -> {
                healthy(backoff);
                return pause(settings.pollInterval());
            }
            case PAUSED -> {
                state = State.PAUSED;
                reason = "waiting for a dependency";
                return pause(backoff.next());
            }
            case DONE -> {
                state = State.DONE;
                reason = null;
                running = false;
                return false;
            }
        }
        return true;
    }

    private void healthy(Backoff backoff) {
        if (state == State.FAILED) {
            LOGGER.infof("Worker %s is running again", name);
        }
        state = State.RUNNING;
        reason = null;
        backoff.reset();
    }

    /** After an unexpected failure: report it, close, pause, reopen. False when stopped meanwhile. */
    private boolean recover(Throwable error, Backoff backoff) {
        long count = failures.incrementAndGet();
        state = State.FAILED;
        reason = "failed: " + Redacted.describe(error) + "; restarting";
        Duration pause = backoff.next();
        if (count == 1 || backoff.failures() == 1) {
            LOGGER.errorf(Redacted.of(error), "Worker %s failed unexpectedly; restarting it in %s", name, pause);
        } else {
            LOGGER.warnf("Worker %s failed again (%s); restarting it in %s", name, Redacted.describe(error), pause);
        }
        closeQuietly();
        return pause(pause) && open(backoff);
    }

    /** Opens the task, retrying with back-off; false when stopped before it opened. */
    private boolean open(Backoff backoff) {
        while (running) {
            try {
                task.open();
                return true;
            } catch (Throwable e) {
                failures.incrementAndGet();
                state = State.FAILED;
                reason = "cannot start: " + Redacted.describe(e);
                Duration pause = backoff.next();
                LOGGER.warnf("Worker %s cannot start (%s); retrying in %s", name, Redacted.describe(e), pause);
                if (!pause(pause)) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Waits for {@code duration} or a wake-up; false when interrupted (the loop must end). */
    private boolean pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return running;
        }
        try {
            if (wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void finish() {
        closeQuietly();
        if (state != State.DONE) {
            state = State.STOPPED;
        }
    }

    private void closeQuietly() {
        try {
            task.close();
        } catch (RuntimeException e) {
            LOGGER.debugf("Closing worker %s failed: %s", name, Redacted.describe(e));
        }
    }
}
