package org.tipline.gateway.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and tolerances of report intake (prefix {@code tipline.intake}). */
@ConfigMapping(prefix = "tipline.intake")
public interface IntakeConfig {

    /** Largest report JSON body accepted, in bytes; larger bodies get 413. */
    @WithDefault("1048576")
    @Min(1024)
    @Max(64 * 1024 * 1024)
    int maxBodyBytes();

    /** Deepest JSON nesting accepted; the report model needs about 8. */
    @WithDefault("32")
    @Min(8)
    @Max(1000)
    int maxNestingDepth();
}
