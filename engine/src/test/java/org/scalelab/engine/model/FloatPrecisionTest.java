package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient checks run in DOUBLE, but training runs in FLOAT through other code paths (oneDNN convolutions and
 * products, the 32-bit ReLU loops). The same network in both precisions must agree to float accuracy.
 */
class FloatPrecisionTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp-235k", "cnn-1m", "lenet5", "cnn-bn", "cnn-32", "tinycnn-8"})
    void floatTrainingStepMatchesDouble(String name) {
        Architecture preset = Presets.find(name).orElseThrow();
        Network single = new Network(preset, DataType.FLOAT, 5);
        Network reference = new Network(preset, DataType.DOUBLE, 5);
        RandomBatch floatBatch = RandomBatch.of(single, DataType.FLOAT, 8, 5);
        RandomBatch doubleBatch = RandomBatch.of(reference, DataType.DOUBLE, 8, 5);

        double floatLoss = floatBatch.forwardBackward(single, new SoftmaxCrossEntropy(10));
        double doubleLoss = doubleBatch.forwardBackward(reference, new SoftmaxCrossEntropy(10));

        assertTrue(Math.abs(floatLoss - doubleLoss) < TOLERANCE * Math.abs(doubleLoss),
                name + ": loss " + floatLoss + " vs " + doubleLoss);
        INDArray expected = reference.gradients();
        double error = single.gradients().castTo(DataType.DOUBLE).distance2(expected) / expected.norm2Number().doubleValue();
        assertTrue(error < TOLERANCE, name + ": relative gradient error " + error);
    }
}
