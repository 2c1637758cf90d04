package org.scalelab.engine.training;

import org.scalelab.engine.events.Phase;
import org.scalelab.engine.parallel.comm.Communicator;

/** A worker's communicator, with its collectives charged to the worker's {@link PhaseTimer}. */
final class TimedCollectives {
    private final Communicator communicator;
    private final PhaseTimer timer;

    TimedCollectives(Communicator communicator, PhaseTimer timer) {
        this.communicator = communicator;
        this.timer = timer;
    }

    Communicator communicator() {
        return communicator;
    }

    /** The worker's timer, which the collectives are charged to. */
    PhaseTimer timer() {
        return timer;
    }

    /**
     * Runs a collective as communication, moving the time spent waiting for the slowest worker to idle, and
     * leaves the timer in the update phase. When the communicator cannot tell waiting apart inside a
     * collective, a barrier first absorbs the wait.
     *
     * @param name  what the timeline calls it, e.g. {@code "allreduce"}
     * @param bytes what this worker puts into it
     */
    void run(Runnable collective, String name, long bytes) {
        timer.enter(Phase.COMMUNICATION, name, bytes);
        long waited = communicator.times().waitingNanos();
        if (!communicator.times().separatesWaiting()) {
            communicator.barrier();
        }
        collective.run();
        timer.enter(Phase.UPDATE);
        timer.move(communicator.times().waitingNanos() - waited, Phase.COMMUNICATION, Phase.IDLE);
    }
}
