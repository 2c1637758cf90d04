package org.scalelab.engine.runs.speedup;

import static org.scalelab.engine.config.TrainingOptions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.runs.RunRecord;

/**
 * Which saved runs may serve as a run's serial baseline, and which one does unless the user picks another.
 *
 * <p>Eligible are finished serial runs that share the run's {@link BaselineKey} (dataset, model, global batch,
 * optimiser, machine). Full runs come before {@link Calibration calibrations}, and among each the one closest in
 * time to the run comes first: the speed of a shared machine drifts over hours, and a baseline measured beside the
 * run has drifted least. A serial run has no baseline: measured against itself or another serial run, its
 * "speedup" would only say how much the machine drifted.
 */
public final class Baselines {
    private final List<Candidate> candidates;

    /** @param records any saved runs, e.g. a run store's listing; those that cannot serve are ignored */
    public Baselines(List<RunRecord> records) {
        this.candidates = records.stream().filter(Baselines::canServe)
                .map(record -> new Candidate(BaselineKey.of(record.config(), record.environment()), baselineOf(record)))
                .toList();
    }

    /** The baselines a saved run may be measured against, its default first; none for a serial run. */
    public List<Baseline> eligibleFor(RunRecord run) {
        return eligibleFor(run.config(), run.environment(), run.startedAt());
    }

    /** The run's speedup over its default baseline; none for a serial run or one that no saved run can serve. */
    public Optional<Speedup> speedupOf(RunRecord run) {
        return eligibleFor(run).stream().findFirst()
                .map(baseline -> baseline.speedupOf(Throughput.of(run).imagesPerSecond(), run.config().cores()));
    }

    /** The same for a run under way or replayed, from its first event. */
    public List<Baseline> eligibleFor(RunStarted started) {
        return eligibleFor(started.config(), started.environment(), Instant.parse(started.startedAt()));
    }

    /**
     * @param environment the machine the run ran or will run on
     * @param when        when it ran or will run; null when unknown, which puts the newest first
     */
    public List<Baseline> eligibleFor(TrainingConfig config, EnvironmentInfo environment, Instant when) {
        if (config == null || isSerial(config)) {
            return List.of();
        }
        BaselineKey key = BaselineKey.of(config, environment);
        return candidates.stream().filter(candidate -> candidate.key().equals(key)).map(Candidate::baseline)
                .sorted(Comparator.comparing(Baseline::calibration)
                        .thenComparingLong(baseline -> millisApart(baseline.startedAt(), when)))
                .toList();
    }

    /** The full serial run that {@code config} needs as its baseline, to run it when none is saved. */
    public static TrainingConfig serialConfigFor(TrainingConfig config) {
        return config.with(STRATEGY, Strategy.SERIAL).with(PROCS, 1).with(THREADS, 1).with(SCALING, Scaling.STRONG)
                .with(BATCH, config.globalBatchSize()).with(AVERAGE_EVERY, 1).with(VIA_MASTER, false).with(HOSTS, null)
                .with(COMPRESS, GradientCompression.NONE).with(ERROR_FEEDBACK, true);
    }

    private static boolean canServe(RunRecord record) {
        return record.status() == RunStatus.FINISHED && record.config() != null && isSerial(record.config());
    }

    static boolean isSerial(TrainingConfig config) {
        return config.parallelism().strategy() == Strategy.SERIAL;
    }

    private static Baseline baselineOf(RunRecord record) {
        return new Baseline(record.runId(), record.name(), record.startedAt(), Throughput.of(record),
                Calibration.isCalibration(record.config()));
    }

    /** Unknown times sort after every known one, keeping the store's newest-first order among themselves. */
    private static long millisApart(Instant a, Instant b) {
        return a == null || b == null ? Long.MAX_VALUE : Duration.between(a, b).abs().toMillis();
    }

    private record Candidate(BaselineKey key, Baseline baseline) {
    }
}
