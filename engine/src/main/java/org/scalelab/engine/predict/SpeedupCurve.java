package org.scalelab.engine.predict;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.events.RunStarted;

/**
 * A strategy's predicted speedup as it grows: the processes doubling for strategies with ranks (the threads kept, new
 * hosts like the first as a host fills), the threads doubling for the others, each point with its whole step.
 *
 * @param label  what legends call it: the strategy and the calibration it was predicted from
 * @param points by worker count, the given configuration among them
 */
public record SpeedupCurve(String label, List<Prediction> points) {

    public SpeedupCurve {
        points = List.copyOf(points);
    }

    /** Each point as {@code {workers, speedup}}, workers counted as processes × threads like measured speedups. */
    public List<double[]> workersAndSpeedup() {
        return points.stream().map(p -> new double[] {p.procs() * p.threads(), p.speedup()}).toList();
    }

    /**
     * The predictions of {@code base} grown (or shrunk) to 1, 2, 4, … up to {@code largest} processes (threads for
     * a strategy without ranks; a pipeline's stages no more than the model's layers), and at the base's own count.
     */
    public static List<Prediction> grow(ScalingModel model, Scenario base, int largest) {
        Strategy strategy = base.strategy();
        boolean ranks = strategy.usesProcesses();
        TreeSet<Integer> counts = new TreeSet<>();
        int most = strategy.splitsLayers() ? Math.min(largest, model.layerCount(base.model())) : largest;
        for (int count = 1; count <= most; count *= 2) {
            counts.add(count);
        }
        counts.add(ranks ? base.procs() : base.threads());
        // serial takes one thread only
        return counts.stream().filter(count -> ranks || strategy.usesThreads() || count == 1)
                .map(count -> ranks ? base.withProcs(count) : withThreads(base, count)).map(model::predict).toList();
    }

    /**
     * The predicted curve of a run's strategy as it would run on this machine (time-shared past its cores), from 1
     * worker to as many as the machine has cores or the run has workers; empty for a serial run or a model the
     * calibration lacks (or, overlapped, lacks layer by layer).
     */
    public static Optional<SpeedupCurve> forRun(MachineCalibration calibration, RunStarted started) {
        Strategy strategy = started.config().parallelism().strategy();
        if (strategy == Strategy.SERIAL || calibration.model(started.config().model().name()).isEmpty()) {
            return Optional.empty();
        }
        int cores = calibration.machine().logicalCores();
        Scenario run = RunScenarios.of(started.config(), started.trainImages(), 1, cores, null);
        int counted = strategy.usesProcesses() ? run.procs() : run.threads();
        int largest = Math.max(counted, Math.max(1, cores / (strategy.usesProcesses() ? run.threads() : 1)));
        try {
            return Optional.of(new SpeedupCurve(strategy + " " + calibrationNote(calibration),
                    grow(new ScalingModel(calibration), run, largest)));
        } catch (CalibrationException e) { // an overlapped allreduce or a pipeline needs the model's layers, as calibrated
            return Optional.empty();
        }
    }

    /** "(predicted, calibrated 2026-12-04 16:40 UTC)": how legends say a curve is the model's, and from which calibration. */
    public static String calibrationNote(MachineCalibration calibration) {
        return "(predicted, calibrated " + measuredAt(calibration) + ")";
    }

    /** When the calibration was measured, to the minute: "2026-12-04 16:40 UTC". */
    public static String measuredAt(MachineCalibration calibration) {
        return calibration.measuredAt().replace('T', ' ').replaceFirst(":\\d\\d(\\.\\d+)?Z$", " UTC");
    }

    private static Scenario withThreads(Scenario base, int threads) {
        return new Scenario(base.model(), base.strategy(), base.procs(), threads, base.allreduce(), base.hosts(),
                base.coresPerHost(), base.network(), base.networkBothWays(), base.batch(), base.scaling(),
                base.epochImages(), base.averagingPeriod(), base.viaMaster(), base.compression(), base.overlapBucketKb(),
                base.microbatches());
    }
}
