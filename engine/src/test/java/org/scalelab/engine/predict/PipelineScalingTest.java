package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * {@code predict --strategy pipeline}, worked by hand on {@link OverlapScalingTest}'s calibration of mlp-235k: per
 * image 0.15 ms for the first dense layer, 0.03 ms for the second, 0.015 ms for the third, nothing else; niodev at
 * 100 µs and 1 ns/B. Two stages cut as training cuts them: flatten and the first dense layer (0.15 ms an image), then
 * the rest (0.045 ms). A global batch of 64, serial: 64 × 0.195 ms = 12.48 ms.
 */
class PipelineScalingTest {
    private static final double EXACT = 1e-12;
    private final ScalingModel model = new ScalingModel(OverlapScalingTest.calibration(
            new MachineDescription("Test CPU", 2, 4, "Linux", "Java 17", 0)));

    private static Scenario pipeline(int stages, int microbatches) {
        return new Scenario("mlp-235k", Strategy.PIPELINE, stages, 1, AllreduceAlgorithm.RING, 1, 4, null, null, 64,
                Scaling.STRONG, 6400, 1, false, GradientCompression.NONE, 0, microbatches);
    }

    @Test
    void theSlowestStageSetsThePaceAndItsBubbleIsWaiting() {
        // 4 microbatches of 16: the first stage's slot 16 × 0.15 ms = 2.4 ms; 4 slots of compute, 1 of bubble.
        // The first microbatch's 16 × 256 activations go forward and their gradients back: 2 · (100 µs + 16,384 ns).
        Prediction four = model.predict(pipeline(2, 4));
        assertEquals(9.6e-3, four.computeSeconds(), EXACT);
        assertEquals(2.4e-3, four.waitSeconds(), EXACT);
        assertEquals(0.232768e-3, four.communicationSeconds(), EXACT);
        assertEquals(12.232768e-3, four.stepSeconds(), EXACT);
        assertEquals(12.48 / 12.232768, four.speedup(), 1e-9);
        // 8 microbatches of 8: slots of 1.2 ms, the same compute, half the bubble, smaller messages
        Prediction eight = model.predict(pipeline(2, 8));
        assertEquals(9.6e-3, eight.computeSeconds(), EXACT);
        assertEquals(1.2e-3, eight.waitSeconds(), EXACT);
        assertEquals(0.216384e-3, eight.communicationSeconds(), EXACT);
        assertTrue(eight.waitSeconds() / eight.stepSeconds() < four.waitSeconds() / four.stepSeconds());
    }

    @Test
    void aLinkBelowEveryLayerWithParametersCarriesActivationsOnly() {
        // Three stages: flatten alone (the cut that makes the largest stage least), the first dense layer, the rest.
        // Slots of 2.4 ms, two of them bubble; flatten's 16 × 784 floats forward only (nothing below it to train),
        // the first dense layer's 16 × 256 forward and back.
        Prediction three = model.predict(pipeline(3, 4));
        assertEquals(9.6e-3, three.computeSeconds(), EXACT);
        assertEquals(4.8e-3, three.waitSeconds(), EXACT);
        assertEquals((100e-6 + 50.176e-6) + 2 * (100e-6 + 16.384e-6), three.communicationSeconds(), EXACT);
    }

    @Test
    void moreStagesThanLayersIsRefusedNamingTheOption() {
        ConfigException e = assertThrows(ConfigException.class, () -> model.predict(pipeline(7, 4)));
        assertEquals("procs 7: expected at most 6 stages: mlp-235k has 6 layers, and a stage holds one at least",
                e.getMessage());
        assertEquals(3, SpeedupCurve.grow(model, pipeline(2, 4), 16).size(), "1, 2 and 4 stages: no more than 6 layers");
    }
}
