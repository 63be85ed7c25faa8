package org.tipline.gateway.platform.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How a worker paces itself.
 *
 * @param pollInterval the pause after an idle round, cut short by a wake-up
 * @param initialDelay the pause before the first round
 * @param minBackoff the first pause after a failed or paused round; doubles up to {@code maxBackoff}
 * @param maxBackoff the longest pause between failing rounds
 */
public record WorkerSettings(Duration pollInterval, Duration initialDelay, Duration minBackoff, Duration maxBackoff) {

    public WorkerSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** Polls every {@code pollInterval}, backs off from 200 ms to 10 s, starts at once. */
    public static WorkerSettings polling(Duration pollInterval) {
        return new WorkerSettings(pollInterval, Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    public WorkerSettings startingAfter(Duration delay) {
        return new WorkerSettings(pollInterval, delay, minBackoff, maxBackoff);
    }

    public WorkerSettings backingOff(Duration min, Duration max) {
        return new WorkerSettings(pollInterval, initialDelay, min, max);
    }
}
