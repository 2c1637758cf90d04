package org.scalelab.engine.training;

import org.scalelab.engine.config.Parallelism;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.model.LayerClock;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.parallel.comm.NdBuffers;

/**
 * How a worker's steps combine with the other workers': what its part's loss gradient is averaged over, and
 * what the workers exchange around the optimiser's step and at the end of an epoch. {@link Worker} calls every
 * method at its place in the loop; each way of combining acts where it needs to and does nothing elsewhere.
 */
interface ReplicaSync {

    /**
     * {@link ParameterAverage} where the strategy {@link Strategy#averagesParameters()}, {@link AsyncPush} for
     * {@link Strategy#ASYNC}'s workers, else {@link GradientAllreduce}, or {@link OverlappedAllreduce} with
     * {@code --overlap}.
     */
    static ReplicaSync of(TrainingConfig config, Network network, TimedCollectives collectives) {
        Parallelism parallelism = config.parallelism();
        if (parallelism.strategy() == Strategy.ASYNC) {
            return new AsyncPush(collectives, network);
        }
        if (parallelism.strategy().averagesParameters()) {
            return new ParameterAverage(collectives, NdBuffers.view(network.parameters()),
                    parallelism.averagingPeriod(), parallelism.viaMaster());
        }
        if (parallelism.overlap()) {
            return new OverlappedAllreduce(collectives, network, parallelism.bucketKb());
        }
        return new GradientAllreduce(collectives, NdBuffers.view(network.gradients()), parallelism);
    }

    /** Told as each layer's backward pass finishes; a way of combining that starts work there overrides it. */
    default LayerClock backwardClock() {
        return LayerClock.NONE;
    }

    /**
     * The factor that scales the loss gradient of this worker's part of a step.
     *
     * @param partImages   this worker's images in the step, at least one
     * @param globalImages all workers' images in the step
     */
    double gradientScale(int partImages, int globalImages);

    /** After the backward pass (or the zeroed gradient of a worker without images), before the optimiser's step. */
    void beforeUpdate();

    /**
     * After the optimiser's step (or where it would be, when the worker does not step itself), with the images of
     * this worker's part (maybe none) and of the whole step.
     */
    void afterUpdate(int partImages, int globalImages);

    /** Whether the worker applies the optimiser to its own replica; {@link AsyncPush}'s server does it instead. */
    default boolean stepsLocally() {
        return true;
    }

    /**
     * After {@link #afterUpdate}: whether the step's gradient was refused ({@link AsyncPush}: too stale) and must
     * be computed again, on the weights now in the network.
     */
    default boolean refused() {
        return false;
    }

    /** After the epoch's last step, before its results are totalled and the test set evaluated. */
    void endOfEpoch();
}
