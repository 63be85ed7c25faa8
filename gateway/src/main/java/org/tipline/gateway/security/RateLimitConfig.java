package org.tipline.gateway.security;

import java.util.Map;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-platform request rate limits (prefix {@code tipline.rate-limit}): a token bucket per platform and gateway
 * instance, so one platform's flood cannot starve the others. With several instances behind a load balancer a
 * platform may send up to the instance count times the limit.
 */
@ConfigMapping(prefix = "tipline.rate-limit")
public interface RateLimitConfig {

    /** Whether platform requests are limited at all (the bench turns it off to measure capacity). */
    @WithDefault("true")
    boolean enabled();

    /** The sustained rate allowed to one platform, in requests per second. */
    @WithDefault("200")
    @Min(1)
    int requestsPerSecond();

    /** How many requests a platform may send at once after a quiet period (the bucket's size). */
    @WithDefault("1000")
    @Min(1)
    int burst();

    /** Limits for particular platforms, by platform id, in place of the two above. */
    Map<String, PlatformLimit> platforms();

    /** One platform's own limit. */
    interface PlatformLimit {

        @Min(1)
        int requestsPerSecond();

        @Min(1)
        int burst();
    }
}
