package org.tipline.gateway.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.platform.errors.RateLimitedException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token buckets with the shipped defaults and with a platform's own limit. */
class RateLimitsTest {

    @Test
    void theDefaultLetsABurstOfAThousandThroughThenRefusesWithTheWait() {
        // Given
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateLimits limits = new RateLimits(config(Map.of()), metrics);
        long start = System.nanoTime();
        int allowed = 0;
        RateLimitedException refused = null;
        // When
        while (refused == null) {
            try {
                limits.acquire("synthetic-platform");
                allowed++;
            } catch (RateLimitedException e) {
                refused = e;
            }
        }
        // Then: the burst, plus what 200 a second refilled meanwhile
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(allowed).isBetween(1000, 1000 + (int) Math.ceil(seconds * 200) + 1);
        assertThat(refused.retryAfter().toMillis()).isBetween(0L, 5L);
        limits.acquire("another-platform");
        assertThat(metrics.counter("tipline.http.rate_limited").count()).isEqualTo(1);
    }

    @Test
    void aPlatformWithALimitOfItsOwnGetsItAndTurningLimitsOffLetsAllThrough() {
        RateLimits own = new RateLimits(config(Map.of("tipline.rate-limit.platforms.\"big\".requests-per-second", "1",
                "tipline.rate-limit.platforms.\"big\".burst", "2")), new SimpleMeterRegistry());
        own.acquire("big");
        own.acquire("big");
        assertThatThrownBy(() -> own.acquire("big")).isInstanceOf(RateLimitedException.class);

        RateLimits off = new RateLimits(config(Map.of("tipline.rate-limit.enabled", "false", "tipline.rate-limit.burst",
                "1")), new SimpleMeterRegistry());
        for (int i = 0; i < 10; i++) {
            off.acquire("any");
        }
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RateLimitedException.seconds(java.time.Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimitedException.seconds(java.time.Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RateLimitedException.seconds(java.time.Duration.ofSeconds(3))).isEqualTo(3);
        assertThat(RateLimitedException.seconds(java.time.Duration.ZERO)).isEqualTo(1);
    }

    private static RateLimitConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(RateLimitConfig.class)
                .withSources(new MapBackedConfigSource("test", properties) {

                    private static final long serialVersionUID = 1L;
                }).build();
        return config.getConfigMapping(RateLimitConfig.class);
    }
}
