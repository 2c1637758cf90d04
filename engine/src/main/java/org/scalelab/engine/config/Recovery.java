package org.scalelab.engine.config;

/**
 * Checkpoints, and what a multi-process run does when a rank fails: the settings of issue 15's fault-tolerance
 * experiments. None of them changes what a run computes when nothing fails.
 *
 * @param checkpointEvery  epochs between checkpoints written beside the run record; 0 for none
 * @param restartOnFailure how many times a run whose rank died or hung relaunches its ranks from the last
 *                         checkpoint (from the start when there is none) before it fails
 * @param minProcs         the fewest ranks a relaunch may use when it cannot start them all; 0 for all of them
 * @param fault            a fault injected into one rank, or null
 */
public record Recovery(int checkpointEvery, int restartOnFailure, int minProcs, FaultInjection fault) {

    /** The same settings without the injected fault: a relaunch must not meet it again. */
    public Recovery withoutFault() {
        return new Recovery(checkpointEvery, restartOnFailure, minProcs, null);
    }
}
