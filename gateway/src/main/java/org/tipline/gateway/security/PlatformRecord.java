package org.tipline.gateway.security;

import java.time.Instant;
import java.util.List;

/** A registered platform and the reporting regimes it is registered under. */
public record PlatformRecord(String id, String name, List<String> regimes, Instant createdAt) {

    public PlatformRecord {
        regimes = regimes == null ? List.of() : List.copyOf(regimes);
    }
}
