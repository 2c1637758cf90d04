package org.scalelab.app.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalelab.app.charts.RunTrace;
import org.scalelab.app.library.Baseline;
import org.scalelab.app.library.SteadyThroughput;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;

/**
 * Turns one run's events into points of its {@link RunTrace}. Live runs, replays and comparisons all chart
 * through this class, so a saved run looks exactly as it did live.
 */
public final class RunCharting {
    private final RunTrace trace;
    private final Optional<Baseline> baseline;
    private int cores = 1;
    private long stepsPerEpoch = 1;
    private final List<EpochCompleted> epochs = new ArrayList<>();

    /**
     * @param baseline the serial baseline, when there is one. Speedup is the ratio of steady throughputs
     *                 ({@link SteadyThroughput}): the time ratio under strong scaling, and still meaningful under
     *                 weak scaling, where the work grows with the workers
     */
    public RunCharting(RunTrace trace, Optional<Baseline> baseline) {
        this.trace = trace;
        this.baseline = baseline;
    }

    public void accept(RunEvent event) {
        if (event instanceof RunStarted started) {
            cores = started.config().cores();
            stepsPerEpoch = started.stepsPerEpoch();
        } else if (event instanceof StepCompleted step) {
            trace.stepLoss(step.epoch() - 1 + (double) step.step() / stepsPerEpoch, step.loss());
        } else if (event instanceof EpochCompleted epoch) {
            trace.testLoss(epoch.epoch(), epoch.testLoss());
            trace.accuracy(epoch.epoch(), 100 * epoch.trainAccuracy(), 100 * epoch.testAccuracy());
            trace.throughput(epoch.epoch(), epoch.imagesPerSecond());
            trace.phases(epoch.epoch(), phaseSeconds(epoch.phases()));
            epochs.add(epoch);
            double imagesPerSecond = SteadyThroughput.of(epochs);
            baseline.ifPresent(serial -> trace.speedup(cores, imagesPerSecond / serial.imagesPerSecond(),
                    serial.calibration()));
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
