package org.tipline.gateway.delivery;

import java.util.List;

/**
 * Observes the relay between publishing a batch and committing it as sent. Production has no listener; fault-injection
 * tests use one to crash the relay at that exact point.
 */
public interface RelayListener {

    /** Called after the broker acknowledged {@code published} and before the outbox rows are deleted. */
    void afterPublish(List<OutboxMessage> published);
}
