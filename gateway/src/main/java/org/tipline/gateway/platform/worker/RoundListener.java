package org.tipline.gateway.platform.worker;

/**
 * Observes every worker just before each round. Production has no listener; fault-injection tests use one to make a
 * chosen worker's round fail unexpectedly.
 */
public interface RoundListener {

    /** Called on the worker's thread before a round of {@code worker}; an exception fails that round. */
    void beforeRound(String worker);
}
