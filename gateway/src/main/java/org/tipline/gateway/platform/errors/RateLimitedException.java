package org.tipline.gateway.platform.errors;

import java.time.Duration;

/** The caller exceeded its rate limit: 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many requests from this platform; retry after " + seconds(retryAfter) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least one (the value of {@code Retry-After}). */
    public static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
