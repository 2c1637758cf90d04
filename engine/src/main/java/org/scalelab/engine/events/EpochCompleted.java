package org.scalelab.engine.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One epoch: its training and test results, its time and where the time went.
 *
 * @param epoch         from 1
 * @param learningRate  the rate the schedule gave this epoch
 * @param trainLoss     mean loss over the epoch's training steps, as the weights moved
 * @param testLoss      mean loss over the test set after the epoch
 * @param images        training images processed (the whole training set, the short last batch included)
 * @param trainSeconds  wall time of the training steps: the epoch without its evaluation
 * @param epochSeconds  wall time of the whole epoch, evaluation included
 * @param cpuUsage      process CPU time over wall time × logical cores during the epoch, 0..1
 * @param phases        per worker, where {@code epochSeconds} went
 */
public record EpochCompleted(
        int epoch,
        double learningRate,
        double trainLoss,
        double trainAccuracy,
        double testLoss,
        double testAccuracy,
        long images,
        double trainSeconds,
        double epochSeconds,
        double cpuUsage,
        List<WorkerPhases> phases) implements RunEvent {

    public EpochCompleted {
        phases = List.copyOf(phases);
    }

    /** Training throughput: images over training time (evaluation excluded). Written to JSON for readers. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double imagesPerSecond() {
        return images / trainSeconds;
    }
}
