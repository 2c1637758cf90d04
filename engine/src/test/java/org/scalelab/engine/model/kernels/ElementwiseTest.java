package org.scalelab.engine.model.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ElementwiseTest {
    /** Not a multiple of the kernels' chunk size, and placed at an offset inside a larger buffer. */
    private static final int LENGTH = 2_500;

    private final Elementwise elementwise = new Elementwise();

    private static INDArray view(INDArray flat) {
        return flat.get(NDArrayIndex.interval(3, 3 + LENGTH));
    }

    private static INDArray signedValues(DataType type) {
        Nd4j.getRandom().setSeed(9);
        INDArray values = Nd4j.randn(type, LENGTH + 10);
        values.putScalar(3, 0.0);
        values.putScalar(4, -0.0);
        values.putScalar(5, Double.MIN_VALUE);
        return view(values);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void reluZeroesNegativesAndKeepsPositives(DataType type) {
        INDArray x = signedValues(type);
        INDArray y = view(Nd4j.create(type, LENGTH + 10));

        elementwise.relu(x, y);

        for (int i = 0; i < LENGTH; i++) {
            double value = x.getDouble(i);
            assertEquals(Math.max(value, 0), y.getDouble(i), 0, "element " + i);
            assertEquals(0, Double.compare(Math.abs(y.getDouble(i)), y.getDouble(i)), "no −0 at " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void reluBackwardPassesGradientOnlyWhereInputIsPositive(DataType type) {
        INDArray x = signedValues(type);
        Nd4j.getRandom().setSeed(10);
        INDArray dy = view(Nd4j.randn(type, LENGTH + 10));
        INDArray dx = view(Nd4j.create(type, LENGTH + 10));

        elementwise.reluBackward(x, dy, dx);

        for (int i = 0; i < LENGTH; i++) {
            double expected = x.getDouble(i) > 0 ? dy.getDouble(i) : 0;
            assertEquals(expected, dx.getDouble(i), 0, "element " + i + " with input " + x.getDouble(i));
        }
    }

    @Test
    void mismatchedArraysAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> elementwise.relu(Nd4j.create(DataType.FLOAT, 4), Nd4j.create(DataType.DOUBLE, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> elementwise.relu(Nd4j.create(DataType.FLOAT, 4), Nd4j.create(DataType.FLOAT, 5)));
        assertThrows(IllegalArgumentException.class,
                () -> elementwise.relu(Nd4j.create(DataType.FLOAT, 4, 4).transpose(), Nd4j.create(DataType.FLOAT, 4, 4)));
    }
}
