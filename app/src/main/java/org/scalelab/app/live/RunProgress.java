package org.scalelab.app.live;

import java.time.Duration;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.training.Scaling;
import org.scalelab.engine.training.TrainingConfig;

/**
 * Where a run stands for the status bar: epoch, step, elapsed time and an estimate of the time left, all from
 * the run's own clock, so a replay shows the times of the original run.
 */
public final class RunProgress {
    private final int epochs;
    private final long stepsPerEpoch;
    private final StepCompleted last;

    private RunProgress(int epochs, long stepsPerEpoch, StepCompleted last) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.last = last;
    }

    public static RunProgress started(RunStarted started) {
        return new RunProgress(started.config().epochs(), stepsPerEpoch(started), null);
    }

    public RunProgress after(StepCompleted step) {
        return new RunProgress(epochs, stepsPerEpoch, step);
    }

    /** Optimiser steps in one epoch: the training images over the global batch, the short last batch counted. */
    static long stepsPerEpoch(RunStarted started) {
        TrainingConfig config = started.config();
        long globalBatch = config.scaling() == Scaling.WEAK ? (long) config.batchSize() * config.workers() : config.batchSize();
        return Math.max(1, (started.trainImages() + globalBatch - 1) / globalBatch);
    }

    /** 0..1 over the whole run. */
    public double fraction() {
        return last == null ? 0 : Math.min(1, (double) last.globalStep() / (stepsPerEpoch * epochs));
    }

    public String epochText() {
        return "Epoch " + (last == null ? 0 : last.epoch()) + " / " + epochs;
    }

    public String stepText() {
        return "Step " + (last == null ? 0 : last.step()) + " / " + stepsPerEpoch;
    }

    public String elapsedText() {
        return "Elapsed " + clock(last == null ? 0 : last.elapsedSeconds());
    }

    /** Remaining time if the rest goes at the pace so far; "ETA –" until there is a pace. */
    public String etaText() {
        double fraction = fraction();
        if (last == null || fraction <= 0) {
            return "ETA –";
        }
        return "ETA " + clock(last.elapsedSeconds() * (1 - fraction) / fraction);
    }

    static String clock(double seconds) {
        Duration duration = Duration.ofMillis(Math.round(seconds * 1000));
        return duration.toHours() > 0
                ? String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart())
                : String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
