package org.scalelab.engine.model.spec;

/**
 * What a layer needs to know about its place in the network when it is built.
 *
 * @param outputLayer whether this is the last layer with weights (it gets Xavier rather than He
 *                    initialisation by default, since no ReLU follows it)
 * @param seed        seed for layers with their own randomness (dropout masks)
 */
public record BuildContext(boolean outputLayer, long seed) {
}
