package org.tipline.gateway.delivery;

import java.time.Duration;

/** Exponential back-off between a minimum and a maximum pause; not thread-safe. */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private int failures;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    /** The pause after one more failure: min, 2 min, 4 min, … up to max. */
    Duration next() {
        Duration pause = min.multipliedBy(1L << Math.min(failures, 20));
        failures++;
        return pause.compareTo(max) > 0 ? max : pause;
    }

    int failures() {
        return failures;
    }

    /** Forgets earlier failures; true if there were any. */
    boolean reset() {
        boolean hadFailures = failures > 0;
        failures = 0;
        return hadFailures;
    }
}
