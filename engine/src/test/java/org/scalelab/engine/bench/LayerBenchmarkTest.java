package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.training.Models;

class LayerBenchmarkTest {

    @Test
    void timesEveryLayerAndThePartsAddUpToTheStep() {
        LayerBenchmark.Result result = LayerBenchmark.measure(Models.resolve("lenet5"), 8, 3, 0);

        List<LayerBenchmark.LayerTime> layers = result.layers();
        assertEquals(12, layers.size());
        assertEquals("conv2d", layers.get(0).kind());
        assertEquals("6×28×28", layers.get(0).output());
        assertEquals(456, layers.get(0).parameters());
        assertEquals(0, layers.get(1).parameters());
        // conv1 (6 filters of 5×5×3 at 28×28 positions): 450·784 multiply-adds per image, 8 images; first layer
        // with weights, so its backward pass is the weight gradient alone
        assertEquals(2L * 450 * 784 * 8, layers.get(0).forwardFlops());
        assertEquals(layers.get(0).forwardFlops(), layers.get(0).backwardFlops());
        // conv2 (16 filters of 5×5×6 at 10×10) also passes the gradient down: twice its forward work
        assertEquals(2L * 2400 * 100 * 8, layers.get(3).forwardFlops());
        assertEquals(2 * layers.get(3).forwardFlops(), layers.get(3).backwardFlops());
        assertEquals(2L * 400 * 120 * 8, layers.get(7).forwardFlops(), "dense 400 → 120");
        assertEquals(0, layers.get(2).forwardFlops(), "pooling is not a matrix product");
        assertTrue(layers.stream().allMatch(layer -> layer.forwardMillis() > 0), layers.toString());
        assertTrue(layers.stream().allMatch(layer -> layer.backwardMillis() > 0), "every layer is above the first with weights");
        assertTrue(result.inputLayoutMillis() > 0 && result.lossMillis() > 0 && result.updateMillis() > 0, result.toString());
        double parts = result.inputLayoutMillis() + result.lossMillis() + result.updateMillis()
                + layers.stream().mapToDouble(LayerBenchmark.LayerTime::totalMillis).sum();
        assertEquals(parts, result.stepMillis(), 1e-9);
    }

    @Test
    void layersBelowTheFirstWithWeightsHaveNoBackwardPass() {
        LayerBenchmark.Result result = LayerBenchmark.measure(Models.resolve("mlp-235k"), 4, 2, 0);

        assertEquals("flatten", result.layers().get(0).kind());
        assertEquals(0, result.layers().get(0).backwardMillis());
        assertTrue(result.layers().get(1).backwardMillis() > 0);
    }

    /**
     * mlp-235k is 784→256→128→10: per image 200,704, 32,768 and 1,280 multiply-adds (biases apart), forward twice
     * that in operations; backward as much again for the first layer (no input gradient), twice for the others.
     */
    @Test
    void aStepsMatrixWorkIsCountedByHand() {
        long perImage = 2L * (2 * 200_704 + 3 * 32_768 + 3 * 1_280);
        assertEquals(64 * perImage, LayerBenchmark.flopsPerStep(Models.resolve("mlp-235k"), 64));
        LayerBenchmark.Result result = LayerBenchmark.measure(Models.resolve("mlp-235k"), 64, 2, 0);
        assertEquals(64 * perImage / (result.stepMillis() * 1e6), result.stepGflops(), 1e-9);
    }
}
