package org.tipline.gateway.platform.validation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tolerances of request validation (prefix {@code tipline.validation}). */
@ConfigMapping(prefix = "tipline.validation")
public interface ValidationConfig {

    /**
     * How far past the server's clock a "past" timestamp may be, for clients with slightly fast clocks. The earlier
     * name {@code tipline.intake.clock-skew} still works.
     */
    @WithDefault("${tipline.intake.clock-skew:PT2M}")
    Duration clockSkew();
}
