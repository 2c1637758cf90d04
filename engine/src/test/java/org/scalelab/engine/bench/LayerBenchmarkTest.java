package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.training.Models;

class LayerBenchmarkTest {

    @Test
    void timesEveryLayerAndThePartsAddUpToTheStep() {
        LayerBenchmark.Result result = LayerBenchmark.measure(Models.resolve("lenet5"), 8, 3);

        List<LayerBenchmark.LayerTime> layers = result.layers();
        assertEquals(12, layers.size());
        assertEquals("conv2d", layers.get(0).kind());
        assertEquals("6×28×28", layers.get(0).output());
        assertEquals(456, layers.get(0).parameters());
        assertEquals(0, layers.get(1).parameters());
        assertTrue(layers.stream().allMatch(layer -> layer.forwardMillis() > 0), layers.toString());
        assertTrue(layers.stream().allMatch(layer -> layer.backwardMillis() > 0), "every layer is above the first with weights");
        assertTrue(result.inputLayoutMillis() > 0 && result.lossMillis() > 0 && result.updateMillis() > 0, result.toString());
        double parts = result.inputLayoutMillis() + result.lossMillis() + result.updateMillis()
                + layers.stream().mapToDouble(LayerBenchmark.LayerTime::totalMillis).sum();
        assertEquals(parts, result.stepMillis(), 1e-9);
    }

    @Test
    void layersBelowTheFirstWithWeightsHaveNoBackwardPass() {
        LayerBenchmark.Result result = LayerBenchmark.measure(Models.resolve("mlp-235k"), 4, 2);

        assertEquals("flatten", result.layers().get(0).kind());
        assertEquals(0, result.layers().get(0).backwardMillis());
        assertTrue(result.layers().get(1).backwardMillis() > 0);
    }
}
