package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    @Test
    void aModelIsShownByItsPresetOrItsFileName() {
        assertEquals("mlp-235k", new ModelSettings("mlp-235k", 1).label());
        assertEquals("mlp-410k-balanced",
                new ModelSettings("/home/ada/scalelab/experiments/architectures/mlp-410k-balanced.json", 1).label());
        assertEquals("my-net.arch", new ModelSettings("nets/my-net.arch", 1).label(), "only .json is taken off");
    }
}
