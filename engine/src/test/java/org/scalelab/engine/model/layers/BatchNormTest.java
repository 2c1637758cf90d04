package org.scalelab.engine.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.SampleShape;

class BatchNormTest {
    private static final double EPSILON = 1e-5;

    private INDArray input;

    @BeforeEach
    void batchWithChannelOffsets() {
        Nd4j.getRandom().setSeed(3);
        input = Nd4j.randn(DataType.DOUBLE, 8, 3, 3, 2);  // NHWC, like every image activation
        input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1)).muli(4).addi(10);
    }

    private static BatchNorm bound(double momentum) {
        BatchNorm layer = new BatchNorm(SampleShape.image(2, 3, 3), momentum, EPSILON);
        layer.bind(Nd4j.create(DataType.DOUBLE, 4), Nd4j.create(DataType.DOUBLE, 4));
        layer.initialise(new java.util.Random(0));
        return layer;
    }

    @Test
    void trainingNormalisesEachChannelWithBatchStatistics() {
        INDArray y = bound(0.9).forward(input, true);
        INDArray means = y.mean(0, 1, 2);
        INDArray variances = y.var(false, 0, 1, 2);
        for (int c = 0; c < 2; c++) {
            assertEquals(0, means.getDouble(c), 1e-9);
            assertEquals(1, variances.getDouble(c), 1e-3);
        }
    }

    @Test
    void runningStatisticsTakeTheBatchShareOneMinusMomentum() {
        BatchNorm layer = bound(0.9);
        layer.forward(input, true);
        INDArray batchMean = input.mean(0, 1, 2);
        INDArray unbiasedVariance = input.var(true, 0, 1, 2);
        for (int c = 0; c < 2; c++) {
            assertEquals(0.1 * batchMean.getDouble(c), layer.runningMean()[c], 1e-9);
            assertEquals(0.1 * unbiasedVariance.getDouble(c) + 0.9, layer.runningVariance()[c], 1e-9);
        }
    }

    @Test
    void evaluationNormalisesWithRunningStatistics() {
        BatchNorm layer = bound(0);
        layer.forward(input, true);
        INDArray other = input.mul(0.5);

        INDArray y = layer.forward(other, false);

        INDArray mean = input.mean(0, 1, 2);
        INDArray deviation = Nd4j.math().sqrt(input.var(true, 0, 1, 2).addi(EPSILON));
        for (int c = 0; c < 2; c++) {
            double expected = (other.getDouble(5, 1, 2, c) - mean.getDouble(c)) / deviation.getDouble(c);
            assertEquals(expected, y.getDouble(5, 1, 2, c), 1e-9);
        }
    }

    @Test
    void evaluationLeavesRunningStatisticsAlone() {
        BatchNorm layer = bound(0.5);
        layer.forward(input, true);
        double[] mean = layer.runningMean();
        layer.forward(input.mul(3), false);
        assertArrayEquals(mean, layer.runningMean());
    }
}
