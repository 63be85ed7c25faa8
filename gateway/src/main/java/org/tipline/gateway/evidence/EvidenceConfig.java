package org.tipline.gateway.evidence;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Evidence files (prefix {@code tipline.evidence}). */
@ConfigMapping(prefix = "tipline.evidence")
public interface EvidenceConfig {

    /** Folder of the encrypted evidence store; the local stack puts it in {@code .tipline/evidence}. */
    Optional<Path> directory();

    /** Largest evidence file accepted, in bytes (default 2 GiB); larger uploads get 413 and nothing is kept. */
    @WithDefault("2147483648")
    @Min(1)
    long maxFileBytes();
}
