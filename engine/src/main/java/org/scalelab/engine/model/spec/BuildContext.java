package org.scalelab.engine.model.spec;

import java.util.List;

/**
 * What a layer needs to know about its place in the network when it is built.
 *
 * @param outputLayer         whether this is the last layer with weights (it gets Xavier rather than He
 *                            initialisation by default, since no ReLU follows it)
 * @param seed                seed for layers with their own randomness (dropout masks)
 * @param fusedIntoNext       whether the next layer computes this one too, so that this one passes its input on
 * @param fusedFromPrevious   whether this layer computes the previous one too (which then passes its input on)
 */
public record BuildContext(boolean outputLayer, long seed, boolean fusedIntoNext, boolean fusedFromPrevious) {

    /** The context of layer {@code index} of {@code layers}. */
    public static BuildContext at(List<LayerSpec> layers, int index, boolean outputLayer, long seed) {
        return new BuildContext(outputLayer, seed,
                index + 1 < layers.size() && fused(layers.get(index), layers.get(index + 1)),
                index > 0 && fused(layers.get(index - 1), layers.get(index)));
    }

    /**
     * The one pair of layers computed as one: a ReLU before a max pooling. ReLU is monotone, so pooling then
     * applying it gives the same values, on a quarter of them (a 2×2 window), and the full-size activation and its
     * gradient are never read or written for the ReLU (see {@link org.scalelab.engine.model.kernels.MaxPooling}).
     */
    private static boolean fused(LayerSpec layer, LayerSpec next) {
        return layer instanceof ReluSpec && next instanceof MaxPoolSpec;
    }
}
