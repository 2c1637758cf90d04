package org.scalelab.engine.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.IntraOpThreads;

/**
 * A first convolution in training's FLOAT: its output against ND4J's {@code conv2d}, its weight and bias gradients
 * against {@code conv2d_bp}, whose input gradient it skips. Layers whose filters fill pairs of vectors
 * ({@code ConvolutionVectors}: 32 and 64 filters, with AVX-512 or AVX2) sum products of x and dy directly, and with few
 * input channels compute the output so too; the others multiply im2col columns with dy and run oneDNN's forward pass.
 * The DOUBLE gradient checks ({@code LayerGradientTest}) check the columns against finite differences.
 */
class Conv2DTest {
    private static final int NHWC = 1;
    private static final int WEIGHTS_OUT_H_W_IN = 2;

    @ParameterizedTest(name = "{0} channels {1}×{2}, {3} filters {4}×{4}, stride {5}, {6}")
    @CsvSource({
            "3, 32, 32, 32, 3, 1, SAME",   // cnn-1m's first layer, a batch of 64
            "1, 7, 6, 4, 4, 1, SAME",      // an even kernel: the odd padding at the bottom and right
            "2, 9, 8, 3, 3, 2, VALID",
            "3, 7, 7, 5, 3, 2, SAME",
            "5, 6, 6, 3, 3, 1, SAME",
            "3, 8, 7, 4, 5, 1, VALID",     // LeNet-5's geometry: a 5×5 window that stays inside
            "1, 28, 28, 32, 3, 1, VALID",  // cnn-32's first layer: 9 patch values, the last group of four part-filled
            "2, 9, 8, 32, 3, 2, VALID",
            "3, 7, 7, 64, 3, 2, SAME",
            "1, 7, 6, 32, 4, 1, SAME",
            "3, 8, 7, 64, 5, 1, VALID",
            "16, 6, 5, 32, 3, 1, SAME"})   // as many channels as AVX-512 has lanes: oneDNN's forward pass
    void weightAndBiasGradientsAreNd4jsConv2dBp(int channels, int height, int width, int filters, int kernel, int stride,
                                                Padding padding) {
        assertFirstLayerIsNd4js(channels, height, width, filters, kernel, stride, padding,
                channels == 3 && height == 32 ? 64 : 5);
    }

    /**
     * Each intra-op thread sums its own samples; ranges of unequal length (8 and 9 samples, 64 and 65) show a lost or
     * doubled one. The batches are large enough for every thread to get a range.
     */
    @ParameterizedTest(name = "{0} filters, {1} threads, {2} samples")
    @CsvSource({"32, 2, 17", "32, 3, 25", "4, 2, 129"})
    void intraOpThreadsShareTheBatch(int filters, int threads, int batch) {
        IntraOpThreads.useOnThisThread(threads);
        try {
            assertFirstLayerIsNd4js(3, 32, 32, filters, 3, 1, Padding.SAME, batch);
        } finally {
            IntraOpThreads.useOnThisThread(1);
        }
    }

    private static void assertFirstLayerIsNd4js(int channels, int height, int width, int filters, int kernel,
                                                          int stride, Padding padding, int batch) {
        SampleShape input = SampleShape.image(channels, height, width);
        Conv2D layer = new Conv2D(input, filters, kernel, stride, padding, Initialisation.HE);
        INDArray parameters = Nd4j.create(DataType.FLOAT, layer.parameterCount());
        INDArray gradients = Nd4j.create(DataType.FLOAT, layer.parameterCount());
        layer.bind(parameters, gradients);
        layer.initialise(new Random(7));
        long weightCount = layer.parameterCount() - filters;
        INDArray weights = parameters.get(NDArrayIndex.interval(0, weightCount)).reshape('c', filters, kernel, kernel, channels);
        INDArray bias = parameters.get(NDArrayIndex.interval(weightCount, layer.parameterCount()));
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, height, width, channels);
        bias.assign(Nd4j.randn(DataType.FLOAT, filters));

        INDArray y = layer.forward(x, true).dup();
        INDArray expectedY = Nd4j.create(DataType.FLOAT, y.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weights, bias).addOutputs(expectedY)
                .addIntegerArguments(arguments(kernel, stride, padding)).build());
        assertClose(expectedY, y, "output");
        INDArray dy = Nd4j.randn(DataType.FLOAT, y.shape());
        assertNull(layer.backward(dy, false), "a first layer hands back no input gradient");

        INDArray dx = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray dw = Nd4j.create(DataType.FLOAT, filters, kernel, kernel, channels);
        INDArray db = Nd4j.create(DataType.FLOAT, filters);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, weights, bias, dy).addOutputs(dx, dw, db)
                .addIntegerArguments(arguments(kernel, stride, padding)).build());

        assertClose(dw.reshape(weightCount), gradients.get(NDArrayIndex.interval(0, weightCount)), "weight gradient");
        assertClose(db, gradients.get(NDArrayIndex.interval(weightCount, layer.parameterCount())), "bias gradient");
    }

    private static int[] arguments(int kernel, int stride, Padding padding) {
        return new int[] {kernel, kernel, stride, stride, 0, 0, 1, 1, padding == Padding.SAME ? 1 : 0, NHWC,
                WEIGHTS_OUT_H_W_IN};
    }

    /** Equal up to FLOAT's rounding of sums over many positions: 1e-4 of the largest value. */
    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(expected.length(), actual.length(), what);
        double scale = expected.amaxNumber().doubleValue();
        assertTrue(scale > 0, what + " is all zeros");
        double worst = expected.sub(actual.reshape(expected.shape())).amaxNumber().doubleValue();
        assertTrue(worst <= 1e-4 * scale, what + " differs by " + worst + " (largest value " + scale + ")");
    }
}
