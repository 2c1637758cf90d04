package org.scalelab.engine.runs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scalelab.engine.config.PipelineSchedule;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.WorkerPhases;

/**
 * How long a pipeline run's stages waited for each other, its bubble, beside GPipe's (K−1)/(M+K−1): their idle time
 * over their training time (wall time less evaluation), summed over stages and epochs.
 *
 * @param schedule        the run's stages and microbatches
 * @param idleSeconds     {@link Phase#IDLE}, summed over stages and epochs
 * @param trainingSeconds every wall-time phase but {@link Phase#EVALUATION}, likewise
 */
public record PipelineBubble(PipelineSchedule schedule, double idleSeconds, double trainingSeconds) {

    /** Empty for a run of another strategy, or one without a finished epoch. */
    public static Optional<PipelineBubble> of(RunRecord run) {
        Optional<PipelineSchedule> schedule = run.config().parallelism().pipeline();
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        double idle = 0;
        double training = 0;
        for (var event : run.events()) {
            if (event instanceof EpochCompleted epoch) {
                for (WorkerPhases stage : epoch.phases()) {
                    for (Map.Entry<Phase, Double> phase : stage.seconds().entrySet()) {
                        if (phase.getKey().wallTime() && phase.getKey() != Phase.EVALUATION) {
                            training += phase.getValue();
                        }
                    }
                    idle += stage.seconds().getOrDefault(Phase.IDLE, 0.0);
                }
            }
        }
        return training > 0 ? Optional.of(new PipelineBubble(schedule.get(), idle, training)) : Optional.empty();
    }

    /** The share of the training time the stages waited, 0 to 1. */
    public double idleShare() {
        return idleSeconds / trainingSeconds;
    }

    /** "31 % of the stages' training time idle (GPipe's bubble for 2 stages × 4 microbatches: 20 %)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.0f %% of the stages' training time idle (GPipe's bubble for %d stages × %d "
                        + "microbatches: %.0f %%)", 100 * idleShare(), schedule.stages(), schedule.microbatches(),
                100 * schedule.bubble());
    }
}
