package org.tipline.gateway.platform.worker;

import java.time.Duration;

/** Exponential back-off between a minimum and a maximum pause; not thread-safe. */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private int failures;

    public Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
    }

    /** The pause after one more failure: min, 2 min, 4 min, … up to max. */
    public Duration next() {
        Duration pause = min.multipliedBy(1L << Math.min(failures, 20));
        failures++;
        return pause.compareTo(max) > 0 ? max : pause;
    }

    /** Failures since the last {@link #reset()}. */
    public int failures() {
        return failures;
    }

    /** Forgets earlier failures; true if there were any. */
    public boolean reset() {
        boolean hadFailures = failures > 0;
        failures = 0;
        return hadFailures;
    }
}
