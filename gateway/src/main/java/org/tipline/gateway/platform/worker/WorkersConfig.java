package org.tipline.gateway.platform.worker;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Background workers (prefix {@code tipline.workers}). */
@ConfigMapping(prefix = "tipline.workers")
public interface WorkersConfig {

    /** A round running longer than this marks its worker stuck: readiness goes DOWN until the round ends. */
    @WithDefault("PT2M")
    Duration stuckAfter();

    /** How long stopping waits for each worker's current round to end. */
    @WithDefault("PT30S")
    Duration stopTimeout();
}
