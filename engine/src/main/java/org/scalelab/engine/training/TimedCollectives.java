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
        message(() -> {
            if (!communicator.times().separatesWaiting()) {
                communicator.barrier();
            }
            collective.run();
        }, name, bytes, Phase.UPDATE);
    }

    /**
     * Runs a point-to-point message as communication, moving the receiver's wait for it to idle (no barrier: only
     * two ranks meet, and the receive tells its wait apart), and leaves the timer in {@code next}.
     */
    void message(Runnable transfer, String name, long bytes, Phase next) {
        timer.enter(Phase.COMMUNICATION, name, bytes);
        long waited = communicator.times().waitingNanos();
        transfer.run();
        timer.enter(next);
        timer.move(communicator.times().waitingNanos() - waited, Phase.COMMUNICATION, Phase.IDLE);
    }
}
