package org.tipline.gateway.kernel;

/** How urgent a report is; P1 travels on the urgent lane of every destination. */
public enum Priority {

    /** Immediate threat to a child's life or of serious harm. */
    P1_IMMINENT(1), P2_SERIOUS(2), P3_STANDARD(3);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    /** 1 for the most urgent; what the ledger stores and the relay orders by. */
    public int rank() {
        return rank;
    }

    public boolean isUrgent() {
        return this == P1_IMMINENT;
    }

    public static Priority ofRank(int rank) {
        for (Priority priority : values()) {
            if (priority.rank == rank) {
                return priority;
            }
        }
        throw new IllegalArgumentException("No priority of rank " + rank);
    }
}
