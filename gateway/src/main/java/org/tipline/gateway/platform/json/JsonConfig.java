package org.tipline.gateway.platform.json;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Strict JSON parsing of request bodies (prefix {@code tipline.json}). */
@ConfigMapping(prefix = "tipline.json")
public interface JsonConfig {

    /** Deepest nesting of objects and arrays accepted; the report model needs about 8. */
    @WithDefault("32")
    @Min(8)
    @Max(1000)
    int maxNestingDepth();
}
