package org.scalelab.engine.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference checks of a sample of each preset's parameters (every layer sampled), on tiny batches. */
class PresetGradientTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp-235k", "cnn-1m", "lenet5", "cnn-bn", "cnn-32", "tinycnn-8"})
    void backPropagationMatchesFiniteDifferences(String name) {
        GradientChecker.check(Presets.find(name).orElseThrow(), 2, 12, 3);
    }
}
