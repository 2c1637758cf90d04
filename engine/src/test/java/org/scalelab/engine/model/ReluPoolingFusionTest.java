package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.layers.ActivationLayout;
import org.scalelab.engine.model.layers.MaxPool2D;
import org.scalelab.engine.model.layers.PassThrough;
import org.scalelab.engine.model.layers.Relu;
import org.scalelab.engine.model.spec.Conv2DSpec;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.DropoutSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.model.spec.MaxPoolSpec;
import org.scalelab.engine.model.spec.ReluSpec;

/** A ReLU directly before a max pooling is computed by the pooling: the same numbers as the two layers apart. */
class ReluPoolingFusionTest {

    @Test
    void onlyAReluDirectlyBeforeAMaxPoolingIsFused() {
        Architecture architecture = new Architecture("fusions", SampleShape.image(2, 8, 8), List.of(
                new Conv2DSpec(4, 3, Padding.SAME), new ReluSpec(), new MaxPoolSpec(2),
                new ReluSpec(), new DropoutSpec(0.5), new MaxPoolSpec(2),
                new FlattenSpec(), new DenseSpec(6), new ReluSpec(), new DenseSpec(3)));

        List<String> kinds = architecture.buildLayers(1).stream().map(Layer::kind).toList();

        assertEquals(List.of("conv2d", "relu (fused into maxpool2d)", "maxpool2d (with the relu)", "relu", "dropout",
                "maxpool2d", "flatten", "dense", "relu", "dense"), kinds);
    }

    /**
     * The fused pair against {@link Relu} then {@link MaxPool2D} on the same batch: outputs and input gradients
     * equal, on values with ties (0 and 0.5 repeated) and, shifted down, with many windows entirely negative.
     */
    @ParameterizedTest(name = "{0}, window {1} stride {2}, shifted by {3}")
    @CsvSource({"FLOAT, 2, 2, 0", "FLOAT, 2, 2, -1.2", "FLOAT, 3, 2, -0.7", "DOUBLE, 2, 2, -1.2", "DOUBLE, 3, 2, -0.7"})
    void fusedLayersGiveTheOutputsAndGradientsOfTheLayersApart(DataType type, int size, int stride, double shift) {
        SampleShape shape = SampleShape.image(16, 9, 9);
        INDArray x = Nd4j.randn(type, 4, 9, 9, 16).addi(shift);
        INDArray flat = x.reshape(x.length());
        for (long i = 0; i < flat.length(); i += 4) {
            flat.putScalar(i, i % 8 == 0 ? 0.0 : 0.5);
        }
        Layer relu = new Relu(shape);
        Layer pooling = new MaxPool2D(shape, size, stride, false);
        Layer passThrough = new PassThrough("relu (fused into maxpool2d)", shape);
        Layer fused = new MaxPool2D(shape, size, stride, true);
        INDArray dy = Nd4j.randn(type, ActivationLayout.batchShape(pooling.outputShape(), 4));

        INDArray expected = pooling.forward(relu.forward(x.dup(), true), true).dup();
        INDArray expectedGradient = relu.backward(pooling.backward(dy.dup(), true), true).dup();
        INDArray actual = fused.forward(passThrough.forward(x.dup(), true), true);
        INDArray actualGradient = passThrough.backward(fused.backward(dy.dup(), true), true);

        assertEquals(expected, actual);
        assertEquals(expectedGradient, actualGradient);
        assertTrue(expected.eq(0).castTo(DataType.INT).sumNumber().intValue() > 0, "some windows tie at zero");
    }
}
