package org.tipline.gateway.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.worker.RoundListener;

/**
 * Fault injection: while armed for a worker, every round of that worker fails with an unexpected exception before it
 * starts, as a bug in its loop would; counts the rounds of every worker. Inert unless a test arms it.
 */
@ApplicationScoped
public class FailingRounds implements RoundListener {

    private final Map<String, Boolean> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rounds = new ConcurrentHashMap<>();

    /** Every round of {@code worker} fails until {@link #disarm}. */
    public void arm(String worker) {
        armed.put(worker, true);
    }

    public void disarm(String worker) {
        armed.remove(worker);
    }

    /** How many rounds {@code worker} has begun, failed ones included. */
    public long rounds(String worker) {
        return rounds.computeIfAbsent(worker, w -> new AtomicLong()).get();
    }

    @Override
    public void beforeRound(String worker) {
        rounds.computeIfAbsent(worker, w -> new AtomicLong()).incrementAndGet();
        if (armed.containsKey(worker)) {
            throw new SimulatedBug();
        }
    }

    /** The simulated bug; its message must never reach the logs or the health check. */
    public static final class SimulatedBug extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        SimulatedBug() {
            super("simulated bug in a worker's loop, SYNTHETIC-SECRET-MARKER");
        }
    }
}
