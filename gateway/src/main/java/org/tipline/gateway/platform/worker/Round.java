package org.tipline.gateway.platform.worker;

/** How a round of background work ended, which decides when the next one starts. */
public enum Round {

    /** Work is waiting: run the next round at once. */
    MORE,
    /** Nothing to do: wait for the poll interval or a wake-up. */
    IDLE,
    /** A dependency (the ledger, the broker) is unavailable: wait with back-off; the worker stays healthy. */
    PAUSED,
    /** The task is complete (a one-off job): the worker stops and stays healthy. */
    DONE
}
