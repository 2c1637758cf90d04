package org.scalelab.engine.config;

/**
 * The update rule that turns gradients into parameter changes.
 *
 * @param kind        SGD, momentum or Adam
 * @param momentum    used by {@link OptimizerKind#MOMENTUM}
 * @param beta1       used by {@link OptimizerKind#ADAM}: decay of the gradient's running mean
 * @param beta2       used by {@link OptimizerKind#ADAM}: decay of the squared gradient's running mean
 * @param epsilon     used by {@link OptimizerKind#ADAM}: keeps the denominator away from zero
 * @param weightDecay L2 penalty added to the gradient as {@code weightDecay·p} (as PyTorch's {@code weight_decay})
 */
public record OptimizerSettings(OptimizerKind kind, double momentum, double beta1, double beta2, double epsilon,
                                double weightDecay) {
}
