package org.tipline.gateway.kernel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Identifier generation: UUIDv7 (RFC 9562 §5.7), time-ordered so that newest-first listing follows the id. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new UUIDv7 for the current time of {@code clock}. */
    public static UUID uuidV7(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        long mostSignificant = (millis << 16) | 0x7000L | randA;
        long leastSignificant = 0x8000_0000_0000_0000L | randB;
        return new UUID(mostSignificant, leastSignificant);
    }
}
