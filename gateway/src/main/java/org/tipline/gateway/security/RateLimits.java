package org.tipline.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.errors.RateLimitedException;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The token buckets of {@link RateLimitConfig}, one per platform (there is one only for platforms that have a valid
 * credential, so their number is bounded by the platforms registered). A request over the limit is refused with 429
 * and the time until a token is back, before its body is read.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitConfig config;
    private final MeterRegistry metrics;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(RateLimitConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** Takes one request from {@code platformId}'s bucket; {@link RateLimitedException} when it is empty. */
    public void acquire(String platformId) {
        if (!config.enabled()) {
            return;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(platformId, this::bucket).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            metrics.counter("tipline.http.rate_limited").increment();
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(String platformId) {
        RateLimitConfig.PlatformLimit own = config.platforms().get(platformId);
        int rate = own == null ? config.requestsPerSecond() : own.requestsPerSecond();
        int burst = own == null ? config.burst() : own.burst();
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(burst)
                .refillGreedy(rate, Duration.ofSeconds(1)).build()).build();
    }
}
