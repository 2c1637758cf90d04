package org.scalelab.engine.parallel.comm;

/**
 * One rank's running totals of the time spent inside collective operations, split into communicating
 * (moving and adding data) and waiting for the slowest peer. Trainers read it to report "communication"
 * and "idle" separately: waiting is load imbalance, not a cost of the network.
 * Owned by the rank's thread, like its communicator.
 */
public final class CollectiveTimes {
    private final boolean separatesWaiting;
    private long communicatingNanos;
    private long waitingNanos;
    private long collectives;

    /**
     * @param separatesWaiting whether the implementation can tell waiting apart inside data collectives;
     *                         when it cannot, their whole time counts as communicating
     */
    public CollectiveTimes(boolean separatesWaiting) {
        this.separatesWaiting = separatesWaiting;
    }

    /** Adds one collective's time. */
    public void record(long communicating, long waiting) {
        communicatingNanos += communicating;
        waitingNanos += waiting;
        collectives++;
    }

    public boolean separatesWaiting() {
        return separatesWaiting;
    }

    public long communicatingNanos() {
        return communicatingNanos;
    }

    public long waitingNanos() {
        return waitingNanos;
    }

    /** How many collectives (including barriers) were recorded. */
    public long collectives() {
        return collectives;
    }
}
