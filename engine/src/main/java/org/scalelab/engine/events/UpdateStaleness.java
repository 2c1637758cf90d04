package org.scalelab.engine.events;

import java.util.List;

/**
 * Asynchronous SGD's parameter server applied workers' gradients: how stale each was, and how many it refused since
 * its last report. An update's staleness is the server's version (updates applied so far) when it applies the
 * gradient less the version of the weights the worker computed it on: the updates of other workers that came in
 * between, 0 when none did. Reported once per global batch's worth of updates (one per worker) and at the end of
 * each epoch, so that a run with many workers does not send an event per update.
 *
 * @param epoch      the epoch being trained
 * @param globalStep the run's step the last of these updates belongs to (about: workers are at different steps)
 * @param staleness  each update's staleness since the last report, in the order applied
 * @param refused    gradients refused since the last report as older than {@code --max-staleness}, each computed
 *                   again by its worker on the weights the server sent back
 */
public record UpdateStaleness(int epoch, long globalStep, List<Integer> staleness, int refused) implements RunEvent {
    public UpdateStaleness {
        staleness = List.copyOf(staleness);
    }
}
