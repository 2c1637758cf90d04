package org.scalelab.app.live;

import java.time.Duration;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;

/**
 * Where a run stands for the status bar: epoch, step, elapsed time, an estimate of the time left and the
 * process's CPU usage in the last epoch, all from the run's own records, so a replay shows the original run.
 */
public final class RunProgress {
    private final int epochs;
    private final long stepsPerEpoch;
    /** The pace is measured from the end of the first step: it carries the warm-up (JIT, native kernels). */
    private final StepCompleted first;
    private final StepCompleted last;
    private final double cpuUsage;

    private RunProgress(int epochs, long stepsPerEpoch, StepCompleted first, StepCompleted last, double cpuUsage) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.first = first;
        this.last = last;
        this.cpuUsage = cpuUsage;
    }

    public static RunProgress started(RunStarted started) {
        return new RunProgress(started.config().schedule().epochs(), started.stepsPerEpoch(), null, null, Double.NaN);
    }

    public RunProgress after(StepCompleted step) {
        return new RunProgress(epochs, stepsPerEpoch, first == null ? step : first, step, cpuUsage);
    }

    /** The engine measures CPU usage per epoch (NaN when the epoch was too short to tell). */
    public RunProgress after(EpochCompleted epoch) {
        return new RunProgress(epochs, stepsPerEpoch, first, last, epoch.cpuUsage());
    }

    /** Whether a step has been taken: until then a run's MPJ ranks may still be starting. */
    public boolean stepped() {
        return last != null;
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

    /**
     * Remaining time if the rest goes at the pace of the steps after the first; "ETA –" until there is such a
     * pace. Counting the first step's warm-up of seconds as the pace of every step made a run of a minute
     * promise ten.
     *
     * @param playbackRate how many recorded seconds pass per second on screen: 1 for a live run, 10 for a replay
     *                     at 10× (whose ETA says when the replay ends, not when the original run did)
     */
    public String etaText(double playbackRate) {
        if (last == null || last.globalStep() <= first.globalStep()) {
            return "ETA –";
        }
        double secondsPerStep = (last.elapsedSeconds() - first.elapsedSeconds()) / (last.globalStep() - first.globalStep());
        long stepsLeft = Math.max(0, stepsPerEpoch * epochs - last.globalStep());
        return "ETA " + clock(stepsLeft * secondsPerStep / playbackRate);
    }

    /** "CPU 48 %" of all cores over the last epoch; "CPU –" before the first epoch or when unknown. */
    public String cpuText() {
        return Double.isFinite(cpuUsage) ? String.format("CPU %.0f %%", 100 * cpuUsage) : "CPU –";
    }

    static String clock(double seconds) {
        Duration duration = Duration.ofMillis(Math.round(seconds * 1000));
        return duration.toHours() > 0
                ? String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart())
                : String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
