package org.scalelab.engine.runs;

import java.util.Locale;
import java.util.Optional;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.PhaseSlice;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepTimeline;

/**
 * What a run's first worker put into its exchanges per training step, read from the bytes its recorded timeline
 * gives each communication (a sample of the steps; every gradient-summing step exchanges the same), beside what
 * the same gradient takes as plain floats: the measure of a {@code --compress} setting.
 *
 * @param perStep     bytes per step, the mean over the recorded steps
 * @param dense       bytes of the network's gradient as float32
 * @param compression how the gradients were compressed
 */
public record BytesSent(double perStep, long dense, GradientCompression compression) {

    /** Empty when the run exchanged nothing (one worker) or its record holds no timeline. */
    public static Optional<BytesSent> of(RunRecord run) {
        long parameters = run.events().stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast)
                .findFirst().map(RunStarted::parameterCount).orElse(0L);
        long bytes = 0;
        int steps = 0;
        for (var event : run.events()) {
            if (event instanceof StepTimeline timeline && timeline.step() > 0 && timeline.process() == 0
                    && timeline.thread() == 0) {
                steps++;
                bytes += timeline.slices().stream().filter(slice -> slice.phase() == Phase.COMMUNICATION)
                        .mapToLong(PhaseSlice::bytes).sum();
            }
        }
        if (steps == 0 || bytes == 0 || parameters == 0) {
            return Optional.empty();
        }
        return Optional.of(new BytesSent((double) bytes / steps, Float.BYTES * parameters,
                run.config().parallelism().compression()));
    }

    /** How many times fewer bytes than float32 gradients. */
    public double ratio() {
        return dense / perStep;
    }

    /** "47,032 bytes per step per worker (fp16: 4.0× fewer than float32's 188,116)". */
    public String describe() {
        String compared = compression.lossy()
                ? String.format(Locale.ROOT, "%s: %.1f× fewer than float32's %,d", compression, ratio(), dense)
                : "float32, uncompressed";
        return String.format(Locale.ROOT, "%,.0f bytes per step per worker (%s)", perStep, compared);
    }
}
