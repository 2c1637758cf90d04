package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a network into pipeline stages: consecutive layers, one at least each, the largest stage as small as can be. */
class StagePartitionTest {
    private static List<Layer> layers(String preset) {
        return Presets.find(preset).orElseThrow().buildLayers(1);
    }

    @Test
    void theMlpsFirstDenseLayerIsMostOfItsWork() {
        // flatten 784, dense 200,960, relu 256, dense 32,896, relu 128, dense 1,290 multiply-adds an image
        List<Layer> mlp = layers("mlp-235k");
        assertEquals("[0, 2) [2, 6)", StagePartition.balanced(mlp, 2).toString());
        assertEquals("[0, 1) [1, 2) [2, 6)", StagePartition.balanced(mlp, 3).toString(), "the first dense layer alone");
        assertEquals("[0, 1) [1, 2) [2, 3) [3, 4) [4, 5) [5, 6)", StagePartition.balanced(mlp, 6).toString());
        assertEquals("[0, 6)", StagePartition.balanced(mlp, 1).toString());
    }

    @Test
    void noOtherCutHasASmallerLargestStage() {
        for (String preset : List.of("cnn-1m", "lenet5", "tinycnn-8")) {
            List<Layer> net = layers(preset);
            for (int stages = 2; stages <= 3; stages++) {
                StagePartition cut = StagePartition.balanced(net, stages);
                assertEquals(largest(net, cut.starts()), bestByTryingEveryCut(net, stages), preset + " in " + stages);
                for (int k = 0; k < stages; k++) {
                    assertTrue(cut.to(k) > cut.from(k), preset + ": stage " + k + " holds a layer");
                }
            }
        }
    }

    @Test
    void moreStagesThanLayersCannotBeCut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StagePartition.balanced(layers("tinycnn-8"), 6));
        assertEquals("cannot cut 5 layers into 6 stages of one layer at least", e.getMessage());
    }

    private static double bestByTryingEveryCut(List<Layer> layers, int stages) {
        int n = layers.size();
        double best = Double.POSITIVE_INFINITY;
        if (stages == 2) {
            for (int a = 1; a < n; a++) {
                best = Math.min(best, largest(layers, new int[] {0, a, n}));
            }
        } else {
            for (int a = 1; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    best = Math.min(best, largest(layers, new int[] {0, a, b, n}));
                }
            }
        }
        return best;
    }

    private static double largest(List<Layer> layers, int[] starts) {
        double largest = 0;
        for (int k = 0; k + 1 < starts.length; k++) {
            double stage = 0;
            for (int i = starts[k]; i < starts[k + 1]; i++) {
                stage += StagePartition.cost(layers.get(i));
            }
            largest = Math.max(largest, stage);
        }
        return largest;
    }
}
