package org.scalelab.engine.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.SampleShape;

class BatchNormTest {
    private static final double EPSILON = 1e-5;

    private INDArray input;

    @BeforeEach
    void batchWithChannelOffsets() {
        Nd4j.getRandom().setSeed(3);
        input = Nd4j.randn(DataType.DOUBLE, 8, 2, 3, 3);
        input.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1))
                .muli(4).addi(10);
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
        INDArray means = y.mean(0, 2, 3);
        INDArray variances = y.var(false, 0, 2, 3);
        for (int c = 0; c < 2; c++) {
            assertEquals(0, means.getDouble(c), 1e-9);
            assertEquals(1, variances.getDouble(c), 1e-3);
        }
    }

    @Test
    void runningStatisticsTakeTheBatchShareOneMinusMomentum() {
        BatchNorm layer = bound(0.9);
        layer.forward(input, true);
        INDArray batchMean = input.mean(0, 2, 3);
        INDArray unbiasedVariance = input.var(true, 0, 2, 3);
        assertTrue(layer.runningMean().equalsWithEps(batchMean.mul(0.1), 1e-9), layer.runningMean().toString());
        assertTrue(layer.runningVariance().equalsWithEps(unbiasedVariance.mul(0.1).addi(0.9), 1e-9));
    }

    @Test
    void evaluationNormalisesWithRunningStatistics() {
        BatchNorm layer = bound(0);
        layer.forward(input, true);
        INDArray other = input.mul(0.5);

        INDArray y = layer.forward(other, false);

        INDArray mean = input.mean(0, 2, 3);
        INDArray deviation = Nd4j.math().sqrt(input.var(true, 0, 2, 3).addi(EPSILON));
        for (int c = 0; c < 2; c++) {
            double expected = (other.getDouble(5, c, 1, 2) - mean.getDouble(c)) / deviation.getDouble(c);
            assertEquals(expected, y.getDouble(5, c, 1, 2), 1e-9);
        }
    }

    @Test
    void evaluationLeavesRunningStatisticsAlone() {
        BatchNorm layer = bound(0.5);
        layer.forward(input, true);
        INDArray mean = layer.runningMean().dup();
        layer.forward(input.mul(3), false);
        assertEquals(mean, layer.runningMean());
    }
}
