package org.scalelab.engine.runs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * Turns one run's events into points of its {@link RunTrace}. Live runs, replays and comparisons all chart
 * through this class, so a saved run looks exactly as it did live.
 */
public final class RunCharting {
    private final RunTrace trace;
    private Optional<Baseline> baseline = Optional.empty();
    private int cores = 1;
    private long stepsPerEpoch = 1;
    /** Where the last step was charted, on the epoch axis: where a failure after it is marked. */
    private double lastStepPosition;
    private final List<EpochCompleted> epochs = new ArrayList<>();

    public RunCharting(RunTrace trace) {
        this.trace = trace;
    }

    /**
     * Measures the run's speedup against {@code baseline} from now on, the epochs so far included; none without
     * one. The speedup ({@link Speedup}) compares steady throughputs ({@link Throughput}).
     */
    public void measureAgainst(Optional<Baseline> baseline) {
        this.baseline = baseline;
        chartSpeedup();
    }

    public void accept(RunEvent event) {
        if (event instanceof RunStarted started) {
            cores = started.config().cores();
            stepsPerEpoch = started.stepsPerEpoch();
        } else if (event instanceof StepCompleted step) {
            lastStepPosition = step.epoch() - 1 + (double) step.step() / stepsPerEpoch;
            trace.stepLoss(lastStepPosition, step.loss());
        } else if (event instanceof EpochCompleted epoch) {
            trace.testLoss(epoch.epoch(), epoch.testLoss());
            trace.accuracy(epoch.epoch(), 100 * epoch.trainAccuracy(), 100 * epoch.testAccuracy());
            trace.throughput(epoch.epoch(), epoch.imagesPerSecond());
            trace.phases(epoch.epoch(), phaseSeconds(epoch.phases()));
            epochs.add(epoch);
            chartSpeedup();
        } else if (event instanceof RanksFailed failed) {
            // After the last step it reported, or at the start of its epoch when it reported none in it.
            trace.timelineMarker(Math.max(lastStepPosition, failed.epoch() - 1), failed.label(), true);
        } else if (event instanceof RunResumed resumed) {
            // The epochs after the checkpoint are trained again: their points and throughputs are replaced.
            trace.dropAfter(resumed.afterEpoch());
            epochs.removeIf(epoch -> epoch.epoch() > resumed.afterEpoch());
            chartSpeedup();
            trace.timelineMarker(resumed.afterEpoch(), resumed.label(), false);
            lastStepPosition = resumed.afterEpoch();
        }
    }

    private void chartSpeedup() {
        if (baseline.isEmpty() || epochs.isEmpty()) {
            trace.noSpeedup();
        } else {
            Speedup speedup = baseline.get().speedupOf(Throughput.of(epochs).imagesPerSecond(), cores);
            trace.speedup(cores, speedup.value(), baseline.get().calibration());
        }
    }

    /** Phases a worker never entered are left out, so a serial run's legend has no communication or idle. */
    private static List<Map<String, Double>> phaseSeconds(List<WorkerPhases> workers) {
        return workers.stream().map(worker -> {
            Map<String, Double> seconds = new LinkedHashMap<>();
            worker.seconds().forEach((phase, value) -> {
                if (value > 0) {
                    seconds.put(phase.toString(), value);
                }
            });
            return seconds;
        }).toList();
    }
}
