package org.tipline.gateway.report;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Report lifecycle housekeeping (prefix {@code tipline.lifecycle}). */
@ConfigMapping(prefix = "tipline.lifecycle")
public interface LifecycleConfig {

    /** How often open reports past their expiry are moved to EXPIRED. */
    @WithDefault("60s")
    Duration expiryInterval();

    /** Most reports expired per run; the rest go in the next run. */
    @WithDefault("1000")
    @Min(1)
    @Max(100_000)
    int expiryBatch();

    /** How long idempotency keys are kept (at least 24 hours, API.md). */
    @WithDefault("PT48H")
    Duration idempotencyRetention();
}
