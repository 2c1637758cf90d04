package org.scalelab.engine.parallel.launch;

import java.time.Duration;

/**
 * A started parallel job: {@link RankJobSpec#ranks()} ranks, each running the spec's {@link RankTask}.
 * The first rank to fail fails the job: the other ranks are stopped and {@link #await} reports the failure.
 */
public interface RankJob {

    /**
     * Waits until every rank has finished. When it returns normally every rank succeeded; when it throws,
     * every rank has already been stopped.
     *
     * @throws RankJobException saying which rank failed and why, that the job could not start, or that it
     *                          was cancelled
     */
    void await() throws InterruptedException;

    /** Like {@link #await()}, but gives up after {@code timeout}: false when the job is still running. */
    boolean await(Duration timeout) throws InterruptedException;

    /** Stops every rank now; {@link #await} then throws a {@link RankJobException} saying so. */
    void cancel();

    /** Where a rank runs, for messages about it: {@code "pid 4711 on node2"}, or a thread of this process. */
    default String placeOf(int rank) {
        return "a thread of this process";
    }
}
