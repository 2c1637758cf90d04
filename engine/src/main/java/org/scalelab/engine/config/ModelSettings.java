package org.scalelab.engine.config;

/**
 * The network a run trains and the randomness it starts from.
 *
 * @param name a preset name ({@code mlp-235k}) or the path of an architecture file
 * @param seed fixes initial weights, epoch order and augmentation: same seed, same run
 */
public record ModelSettings(String name, long seed) {
}
