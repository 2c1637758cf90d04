package org.scalelab.app.library;

import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.runs.RunRecord;

/**
 * Finds the serial run a configuration's speedup is measured against: the newest finished serial run of the
 * same dataset, model and global batch (the settings that decide the work per image and per step). A full run
 * is preferred; a short calibration run stands in when there is none.
 */
public final class Baselines {
    /** Steps at the start of a calibration run left out of its timing: JIT compilation and cold caches. */
    public static final int WARM_UP_STEPS = 5;
    /** Timed steps of a calibration run. */
    public static final int CALIBRATION_STEPS = 50;

    private final List<RunRecord> records;

    /** @param records newest first, as the run store lists them */
    public Baselines(List<RunRecord> records) {
        this.records = List.copyOf(records);
    }

    public Optional<Baseline> find(TrainingConfig config) {
        return records.stream()
                .filter(r -> r.status() == RunStatus.FINISHED && r.config() != null)
                .filter(r -> r.config().parallelism().strategy() == Strategy.SERIAL)
                .filter(r -> Objects.equals(r.config().data().dataset(), config.data().dataset())
                        && Objects.equals(r.config().model().name(), config.model().name())
                        && r.config().globalBatchSize() == config.globalBatchSize())
                .min(Comparator.comparing(r -> isCalibration(r.config()))) // stable: newest full run first
                .map(Baselines::baselineOf);
    }

    /** The full serial run that {@code config} needs, to run it when none is saved. */
    public static TrainingConfig baselineFor(TrainingConfig config) {
        return config.with(STRATEGY, Strategy.SERIAL).with(PROCS, 1).with(THREADS, 1).with(SCALING, Scaling.STRONG)
                .with(BATCH, config.globalBatchSize()).with(AVERAGE_EVERY, 1).with(VIA_MASTER, false).with(HOSTS, null);
    }

    /** A short serial run of one epoch's first steps: quicker than a full baseline, good enough for a first look. */
    public static TrainingConfig calibrationFor(TrainingConfig config) {
        return baselineFor(config).with(EPOCHS, 1).with(STEPS_PER_EPOCH, WARM_UP_STEPS + CALIBRATION_STEPS);
    }

    public static boolean isCalibration(TrainingConfig config) {
        return config.schedule().stepLimit() > 0;
    }

    private static Baseline baselineOf(RunRecord record) {
        return isCalibration(record.config())
                ? new Baseline(warmThroughput(record), true)
                : new Baseline(SteadyThroughput.of(record), false);
    }

    /** Images per second over the steps after the warm-up, from the steps' own clock. */
    private static double warmThroughput(RunRecord record) {
        List<StepCompleted> steps = record.events().stream()
                .filter(StepCompleted.class::isInstance).map(StepCompleted.class::cast).toList();
        if (steps.size() <= WARM_UP_STEPS + 1) {
            return record.summary().imagesPerSecond();
        }
        StepCompleted start = steps.get(WARM_UP_STEPS - 1);
        StepCompleted end = steps.get(steps.size() - 1);
        long images = steps.subList(WARM_UP_STEPS, steps.size()).stream().mapToLong(StepCompleted::images).sum();
        return images / (end.elapsedSeconds() - start.elapsedSeconds());
    }
}
