package org.tipline.gateway.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.delivery.OutboxMessage;
import org.tipline.gateway.delivery.RelayListener;

/**
 * Fault injection: when armed, makes the relay fail right after the broker acknowledged a batch and before the
 * outbox rows are deleted, as if the process died there. Inert unless a test arms it.
 */
@ApplicationScoped
public class CrashingRelayListener implements RelayListener {

    private final AtomicInteger crashesLeft = new AtomicInteger();

    /** The next {@code times} batches crash after publishing. */
    public void arm(int times) {
        crashesLeft.set(times);
    }

    @Override
    public void afterPublish(List<OutboxMessage> published) {
        if (crashesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SimulatedCrash();
        }
    }

    /** The simulated process death. */
    public static final class SimulatedCrash extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash between publishing and marking sent");
        }
    }
}
