package org.tipline.gateway.platform.worker;

/**
 * Work a {@link Worker} runs in rounds on its own thread. A round that throws is an unexpected failure: the worker
 * reports it (readiness DOWN with the worker's name), closes and reopens the task after a back-off pause and carries
 * on; expected unavailability of a dependency is a {@link Round#PAUSED} round instead.
 */
public interface BackgroundTask {

    /** One round of work; see {@link Round} for what the result means. */
    Round round() throws Exception;

    /** Prepares the task on its worker's thread: before the first round and again after a failure. */
    default void open() throws Exception {
    }

    /** Releases what {@link #open()} created: when the worker stops, and before reopening after a failure. */
    default void close() {
    }

    /** Called from the stopping thread to cut a blocking round short (e.g. a consumer's {@code wakeup()}). */
    default void interrupt() {
    }
}
