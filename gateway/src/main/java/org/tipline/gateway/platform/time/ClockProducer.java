package org.tipline.gateway.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock every component reads (UTC), so time can be reasoned about in one place. It ticks in microseconds,
 * the resolution of PostgreSQL's {@code timestamptz}: an instant the gateway signs into a receipt, answers or
 * forwards is exactly the one the ledger stores (PostgreSQL would otherwise round the nanoseconds away).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new MicrosecondClock();
    }

    /**
     * The system clock truncated to microseconds. Not {@code Clock.tick(…, 1 µs)}: on JDK 17 its {@code millis()}
     * divides by zero for ticks under a millisecond.
     */
    static final class MicrosecondClock extends Clock {

        private final Clock system = Clock.systemUTC();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the gateway's clock is UTC");
        }

        @Override
        public long millis() {
            return system.millis();
        }

        @Override
        public Instant instant() {
            return system.instant().truncatedTo(ChronoUnit.MICROS);
        }
    }
}
