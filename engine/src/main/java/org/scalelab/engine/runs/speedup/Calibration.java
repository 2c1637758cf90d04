package org.scalelab.engine.runs.speedup;

import static org.scalelab.engine.config.TrainingOptions.EPOCHS;
import static org.scalelab.engine.config.TrainingOptions.STEPS_PER_EPOCH;

import java.util.List;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.runs.RunRecord;

/**
 * A calibration: a short serial run of one epoch's first steps, quicker than a full baseline and good enough for a
 * first look. A few dozen steps measure less steadily than whole epochs, so a calibration serves as a baseline
 * only where no full serial run does, and is labelled wherever it is used.
 */
public final class Calibration {
    /** Steps at the start of a calibration run left out of its timing: JIT compilation and cold caches. */
    public static final int WARM_UP_STEPS = 5;
    /** Timed steps of a calibration run. */
    public static final int CALIBRATION_STEPS = 50;

    private Calibration() {
    }

    /** The calibration run that stands in for {@code config}'s serial baseline. */
    public static TrainingConfig configFor(TrainingConfig config) {
        return Baselines.serialConfigFor(config).with(EPOCHS, 1).with(STEPS_PER_EPOCH, WARM_UP_STEPS + CALIBRATION_STEPS);
    }

    /** True for a step-limited serial run: it is timed over steps, not whole epochs. */
    public static boolean isCalibration(TrainingConfig config) {
        return Baselines.isSerial(config) && config.schedule().stepLimit() > 0;
    }

    /** Images per second over the steps after the warm-up, from the steps' own clock. */
    static Throughput throughput(RunRecord record) {
        List<StepCompleted> steps = record.events().stream()
                .filter(StepCompleted.class::isInstance).map(StepCompleted.class::cast).toList();
        if (steps.size() <= WARM_UP_STEPS + 1) {
            return Throughput.single(record.summary().imagesPerSecond());
        }
        StepCompleted start = steps.get(WARM_UP_STEPS - 1);
        StepCompleted end = steps.get(steps.size() - 1);
        long images = steps.subList(WARM_UP_STEPS, steps.size()).stream().mapToLong(StepCompleted::images).sum();
        return Throughput.single(images / (end.elapsedSeconds() - start.elapsedSeconds()));
    }
}
