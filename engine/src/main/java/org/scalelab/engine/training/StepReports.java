package org.scalelab.engine.training;

import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.StepTimeline;
import org.scalelab.engine.events.TimelineSampling;
import org.scalelab.engine.model.BatchLoss;

/**
 * What a trainer (a worker, a pipeline stage) tells as it goes: an event for every step, numbered across the run,
 * and the phases its timer measured, for the steps the timeline samples and at each epoch's end.
 */
final class StepReports {
    private final WorkerReporting reporting;
    private final PhaseTimer timer;
    private final int stepsPerEpoch;
    private final TimelineSampling sampling;
    private final long startNanos = System.nanoTime();
    private long globalStep;

    /** @param timer the trainer's, whose phases since the last report the timeline takes */
    StepReports(WorkerReporting reporting, PhaseTimer timer, int stepsPerEpoch, int epochs) {
        this.reporting = reporting;
        this.timer = timer;
        this.stepsPerEpoch = stepsPerEpoch;
        this.sampling = new TimelineSampling((long) stepsPerEpoch * epochs);
    }

    /**
     * Reports step {@code step} (from 0) of {@code epoch}, which trained {@code images} images of the global batch
     * with {@code batch}'s loss, and its phases where the timeline samples it (else they are dropped).
     */
    void stepped(int epoch, int step, BatchLoss batch, int images) {
        globalStep++;
        reporting.steps().onEvent(new StepCompleted(epoch, step + 1, globalStep, batch.meanLoss(), batch.accuracy(),
                images, (System.nanoTime() - startNanos) / 1e9));
        if (sampling.keeps(globalStep)) {
            timeline(epoch, globalStep);
        } else {
            timer.discard();
        }
    }

    /** Reports the phases since the last report as the end of {@code epoch}, after the epoch's clock stopped. */
    void epochEnded(int epoch) {
        timeline(epoch, 0);
    }

    /** Numbers the next step as the one after {@code completedEpochs}: a run resumed from a checkpoint. */
    void resumeAfter(int completedEpochs) {
        globalStep = (long) completedEpochs * stepsPerEpoch;
    }

    private void timeline(int epoch, long step) {
        reporting.timeline().onEvent(new StepTimeline(reporting.process(), reporting.thread(), epoch, step, timer.cut(),
                timer.cutCommunicationThread()));
    }
}
