package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An update rule over a network's flat parameter and gradient buffers, FLOAT as training's are. Implementations keep
 * their state (velocity, moments) in buffers allocated once, and update in place: a step allocates no arrays.
 */
public interface Optimizer {

    /**
     * Moves {@code parameters} against {@code gradients}. The gradients may be overwritten (the next backward
     * pass overwrites them anyway).
     */
    void step(INDArray parameters, INDArray gradients, double learningRate);

    /** Writes its state (velocity, moments, steps taken) for a checkpoint; a rule without state writes nothing. */
    default void saveState(java.io.DataOutput out) throws java.io.IOException {
    }

    /** Reads back what {@link #saveState} wrote, so that the next step is the one it would have taken. */
    default void restoreState(java.io.DataInput in) throws java.io.IOException {
    }
}
