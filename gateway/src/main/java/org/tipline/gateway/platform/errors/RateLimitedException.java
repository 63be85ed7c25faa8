package org.tipline.gateway.platform.errors;

import java.time.Duration;

/** The caller exceeded its rate limit: 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Rate limit exceeded; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
