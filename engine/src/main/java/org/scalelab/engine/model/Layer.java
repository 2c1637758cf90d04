package org.scalelab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One differentiable layer. A layer owns its activation buffers (allocated once per batch size and reused)
 * but not its parameters: those are views into the network's single flat parameter buffer, and its
 * gradients are views into the single flat gradient buffer, so a collective moves one array.
 *
 * <p>The calling order within a step is {@code forward} then {@code backward}; {@code backward} may use
 * whatever {@code forward} kept. Every activation and gradient a layer is handed belongs to the network (it
 * copies its input batch), so a layer may overwrite its {@code forward} input and its {@code backward}
 * gradient when it no longer needs them, as ReLU does; in turn no layer may rely on its own output or input
 * gradient staying unchanged after it returns them.
 */
public interface Layer {

    /** Short lowercase name used in messages and tables, e.g. {@code "dense"}. */
    String kind();

    SampleShape inputShape();

    SampleShape outputShape();

    /** Number of trainable values; 0 for layers without parameters. */
    default int parameterCount() {
        return 0;
    }

    /**
     * Hands the layer its slices of the flat buffers (each of length {@link #parameterCount()}).
     * Called once, before anything else, and only for layers with parameters.
     */
    default void bind(INDArray parameters, INDArray gradients) {
    }

    /** Writes initial values into the bound parameter view. */
    default void initialise(java.util.Random random) {
    }

    /**
     * Computes the output for a batch; the result is a buffer the layer reuses. Image batches are NHWC
     * ({@code [n, h, w, c]}), vectors {@code [n, f]}: see {@link org.scalelab.engine.model.layers.ActivationLayout}.
     */
    INDArray forward(INDArray input, boolean training);

    /**
     * Given dLoss/dOutput, overwrites this layer's parameter gradients and returns dLoss/dInput
     * (a buffer the layer reuses). The first layer is told its input gradient is not needed, so layers
     * that can skip that work (a dense layer saves a third of its backward pass) return {@code null}.
     */
    INDArray backward(INDArray gradOutput, boolean inputGradientNeeded);

    /**
     * Multiply-adds of this layer's forward pass per image: for a convolution or dense layer, one dot product of a
     * weight row with the input at every output value; 0 for layers that do no matrix work. A backward pass does
     * the same again for the weight gradients and, above the first layer with weights, for the input gradient.
     */
    default long multiplyAddsPerImage() {
        return 0;
    }

    /**
     * Makes this layer fold its batches into {@code original}'s running statistics (a batch normalisation's mean
     * and variance) instead of its own: another instance of a network over the same parameters, fed some of the
     * batches, then leaves one set of statistics, as one instance fed all of them in turn would. {@code original}
     * is the same layer of the same architecture; layers without running statistics have nothing to share.
     */
    default void shareRunningStatistics(Layer original) {
    }

    /**
     * Writes what training changes in the layer besides its parameters (running statistics, a random
     * generator's position), for a checkpoint; most layers have nothing to write.
     */
    default void saveState(java.io.DataOutput out) throws java.io.IOException {
    }

    /** Reads back what {@link #saveState} wrote, so that training goes on exactly as it would have. */
    default void restoreState(java.io.DataInput in) throws java.io.IOException {
    }
}
