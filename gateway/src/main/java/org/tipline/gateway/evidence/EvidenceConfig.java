package org.tipline.gateway.evidence;

import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * How long an object without a ledger row, or an unfinished upload's temporary file, is left alone before the
     * {@code evidence-sweeper} removes it (default one hour: far longer than any commit takes).
     */
    @WithDefault("PT1H")
    Duration orphanGrace();

    /** How often the {@code evidence-sweeper} looks (default every ten minutes). */
    @WithDefault("PT10M")
    Duration sweepInterval();
}
