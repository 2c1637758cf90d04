package org.scalelab.engine.runs;

import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;

/**
 * What a run's events so far say about it: how it started, which epochs it completed, how it ended if it did.
 * The recorder keeps one as the events come; a reader replays a log into one when the summary file is behind
 * the log or lost. A run resumed from a checkpoint ({@link RunResumed}) keeps its epochs up to the checkpoint.
 */
final class RunSoFar {
    private final List<EpochCompleted> epochs = new ArrayList<>();
    private RunStarted started;
    private RunSummary ending;

    static RunSoFar of(List<RunEvent> events) {
        RunSoFar run = new RunSoFar();
        events.forEach(run::add);
        return run;
    }

    void add(RunEvent event) {
        if (event instanceof RunStarted s) {
            // A resumed run starts again with the epochs it now goes to; it began at its first start.
            started = started == null ? s : new RunStarted(s.runId(), started.startedAt(), s.config(), s.architecture(),
                    s.parameterCount(), s.dataset(), s.trainImages(), s.testImages(), s.environment(), s.provenance(),
                    s.oversubscribed());
        } else if (event instanceof RunResumed r) {
            // Epochs after the checkpoint are trained again; a run that had ended is running again.
            epochs.subList(Math.min(r.afterEpoch(), epochs.size()), epochs.size()).clear();
            ending = null;
        } else if (event instanceof EpochCompleted e) {
            epochs.add(e);
        } else if (event instanceof RunFinished f) {
            ending = f.summary();
        } else if (event instanceof RunFailed f) {
            ending = f.summary();
        }
    }

    /** The epochs completed, those trained again after a resumption counted once. */
    List<EpochCompleted> epochs() {
        return List.copyOf(epochs);
    }

    /** The first event, or null when the run's start was not recorded. */
    RunStarted started() {
        return started;
    }

    /** The run's own summary if it ended; otherwise it is running, with the epochs completed so far. */
    RunSummary summary() {
        return ending != null ? ending : RunSummary.of(started.runId(), RunStatus.RUNNING, epochs);
    }
}
