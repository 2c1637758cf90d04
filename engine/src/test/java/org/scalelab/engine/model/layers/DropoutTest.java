package org.scalelab.engine.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.SampleShape;

class DropoutTest {
    private static final int FEATURES = 5_000;
    private final INDArray input = Nd4j.rand(DataType.FLOAT, 2, FEATURES).addi(1);

    private static Dropout dropout(long seed) {
        return new Dropout(SampleShape.vector(FEATURES), 0.3, seed);
    }

    @Test
    void evaluationPassesTheInputThrough() {
        assertSame(input, dropout(1).forward(input, false));
    }

    @Test
    void trainingZeroesAboutTheRateAndScalesTheRest() {
        INDArray y = dropout(1).forward(input, true);
        int zeros = 0;
        for (int i = 0; i < y.length(); i++) {
            double value = y.getDouble(i);
            if (value == 0) {
                zeros++;
            } else {
                assertEquals(input.getDouble(i) / 0.7, value, 1e-5);
            }
        }
        assertEquals(0.3, (double) zeros / y.length(), 0.02);
    }

    @Test
    void backwardUsesTheForwardMask() {
        Dropout layer = dropout(2);
        INDArray y = layer.forward(input, true).dup();
        INDArray dx = layer.backward(Nd4j.ones(DataType.FLOAT, 2, FEATURES), true);
        assertEquals(y.div(input), dx);
    }

    @Test
    void masksFollowTheSeedAndChangeEveryPassUnlessFixed() {
        INDArray first = dropout(3).forward(input, true).dup();
        assertEquals(first, dropout(3).forward(input, true));
        assertNotEquals(first, dropout(4).forward(input, true));

        Dropout layer = dropout(3);
        INDArray initial = layer.forward(input, true).dup();
        layer.fixMask(true);
        assertEquals(initial, layer.forward(input, true));
        layer.fixMask(false);
        assertNotEquals(initial, layer.forward(input, true), "a new mask is drawn once the mask is released");
    }
}
