package org.scalelab.engine.model.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;

/**
 * The pooling kernel against ND4J's own {@code maxpool2d} and {@code maxpool2d_bp} ops, which it replaces, and with
 * the ReLU first against ND4J's {@code relu}, those ops and the ReLU's derivative.
 */
class MaxPoolingTest {
    private static final int NHWC = 1;

    private static INDArray nd4jForward(INDArray x, int size, int stride, SampleShape output) {
        INDArray y = Nd4j.create(x.dataType(), x.size(0), output.height(), output.width(), output.channels());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(size, size, stride, stride, 0, 0, 1, 1, 0, 0, NHWC).build());
        return y;
    }

    private static INDArray nd4jBackward(INDArray x, INDArray dy, int size, int stride) {
        INDArray dx = Nd4j.create(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, dy).addOutputs(dx)
                .addIntegerArguments(size, size, stride, stride, 0, 0, 1, 1, 0, 0, NHWC).build());
        return dx;
    }

    private static SampleShape pooled(SampleShape input, int size, int stride) {
        return SampleShape.image(input.channels(), Padding.VALID.outputLength(input.height(), size, stride),
                Padding.VALID.outputLength(input.width(), size, stride));
    }

    /** Gaussian values with negatives, zeros and a third of each sample set to one repeated value (ties). */
    private static INDArray images(DataType type, int batch, SampleShape shape, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(type, batch, shape.height(), shape.width(), shape.channels());
        INDArray flat = x.reshape(x.length());
        for (long i = 0; i < flat.length(); i += 3) {
            flat.putScalar(i, i % 2 == 0 ? 0.0 : 0.25);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}: {1}×{2}×{3} window {4} stride {5}")
    @CsvSource({
            "FLOAT, 32, 32, 32, 2, 2",   // cnn-1m's first pooling
            "FLOAT, 5, 7, 5, 2, 2",      // rows and columns left over
            "FLOAT, 16, 7, 5, 2, 2",     // the same with whole vectors of channels (8 or 16 lanes)
            "FLOAT, 16, 9, 9, 2, 3",     // values between the windows
            "FLOAT, 3, 7, 7, 3, 2",      // overlapping windows share winners
            "FLOAT, 4, 9, 9, 3, 3",
            "DOUBLE, 5, 7, 5, 2, 2",
            "DOUBLE, 3, 7, 7, 3, 2"})
    void matchesNd4jForwardAndBackward(DataType type, int channels, int height, int width, int size, int stride) {
        SampleShape input = SampleShape.image(channels, height, width);
        SampleShape output = pooled(input, size, stride);
        INDArray x = images(type, 3, input, 5);
        Nd4j.getRandom().setSeed(6);
        INDArray dy = Nd4j.randn(type, 3, output.height(), output.width(), output.channels());
        MaxPooling pooling = new MaxPooling(input, output, size, stride, false);
        INDArray y = Nd4j.create(type, 3, output.height(), output.width(), output.channels());
        INDArray dx = Nd4j.create(type, x.shape());

        pooling.forward(x, y);
        pooling.backward(dy, dx);

        assertEquals(nd4jForward(x, size, stride, output), y);
        assertEquals(nd4jBackward(x, dy, size, stride), dx);
    }

    /**
     * {@code maxpool(relu(x))}: the output and the input gradient of ND4J's ReLU, pooling and pooling backward ops
     * with the ReLU's mask after them, on batches whose windows are often entirely negative (then the ReLU zeroes
     * them, they tie at zero and no gradient goes back) and often tied ({@link #images}).
     */
    @ParameterizedTest(name = "{0}: {1}×{2}×{3} window {4} stride {5}, shifted by {6}")
    @CsvSource({
            "FLOAT, 32, 32, 32, 2, 2, 0",
            "FLOAT, 32, 32, 32, 2, 2, -1.5",  // most windows negative
            "FLOAT, 5, 7, 5, 2, 2, -1",
            "FLOAT, 16, 7, 5, 2, 2, -1",
            "FLOAT, 6, 28, 28, 2, 2, -0.5",  // LeNet-5's first pooling
            "FLOAT, 3, 7, 7, 3, 2, -1",
            "FLOAT, 4, 9, 9, 3, 3, -0.5",
            "DOUBLE, 5, 7, 5, 2, 2, -1",
            "DOUBLE, 3, 7, 7, 3, 2, -1"})
    void withTheReluFirstMatchesNd4jReluThenPooling(DataType type, int channels, int height, int width, int size, int stride,
                                                   double shift) {
        SampleShape input = SampleShape.image(channels, height, width);
        SampleShape output = pooled(input, size, stride);
        INDArray x = images(type, 3, input, 7).addi(shift);
        Nd4j.getRandom().setSeed(8);
        INDArray dy = Nd4j.randn(type, 3, output.height(), output.width(), output.channels());
        MaxPooling pooling = new MaxPooling(input, output, size, stride, true);
        INDArray y = Nd4j.create(type, 3, output.height(), output.width(), output.channels());
        INDArray dx = Nd4j.create(type, x.shape());

        pooling.forward(x, y);
        pooling.backward(dy, dx);

        INDArray relu = Transforms.relu(x, true);
        INDArray positive = x.gt(0).castTo(type);
        assertEquals(nd4jForward(relu, size, stride, output), y);
        assertEquals(nd4jBackward(relu, dy, size, stride).muli(positive), dx);
        assertTrue(y.eq(0).castTo(DataType.INT).sumNumber().intValue() > 0, "some windows were zeroed");
    }

    /** A batch shared among three intra-op threads, in uneven ranges of samples, pools as ND4J does. */
    @ParameterizedTest(name = "ReLU first: {0}")
    @ValueSource(booleans = {false, true})
    void samplesSharedAmongIntraOpThreadsMatchNd4j(boolean reluFirst) {
        SampleShape input = SampleShape.image(32, 32, 32);
        SampleShape output = pooled(input, 2, 2);
        INDArray x = images(DataType.FLOAT, 25, input, 9).subi(0.5);
        Nd4j.getRandom().setSeed(10);
        INDArray dy = Nd4j.randn(DataType.FLOAT, 25, output.height(), output.width(), output.channels());
        MaxPooling pooling = new MaxPooling(input, output, 2, 2, reluFirst);
        INDArray y = Nd4j.create(DataType.FLOAT, 25, output.height(), output.width(), output.channels());
        INDArray dx = Nd4j.create(DataType.FLOAT, x.shape());

        IntraOpThreads.useOnThisThread(3);  // 25 samples of 32,768 values: ranges of 8, 8 and 9 samples
        try {
            pooling.forward(x, y);
            pooling.backward(dy, dx);
        } finally {
            IntraOpThreads.useOnThisThread(1);
        }

        INDArray pooled = reluFirst ? Transforms.relu(x, true) : x;
        INDArray expected = nd4jBackward(pooled, dy, 2, 2);
        assertEquals(nd4jForward(pooled, 2, 2, output), y);
        assertEquals(reluFirst ? expected.muli(x.gt(0).castTo(DataType.FLOAT)) : expected, dx);
    }

    @Test
    void orderOfNegativesZerosAndInfinitiesIsTheFloatOrder() {
        SampleShape input = SampleShape.image(1, 2, 2);
        SampleShape output = SampleShape.image(1, 1, 1);
        MaxPooling pooling = new MaxPooling(input, output, 2, 2, false);
        float[][] windows = {{-3f, -1f, -2f, -5f}, {-0f, -1e-30f, Float.NEGATIVE_INFINITY, -7f},
                {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f}, {1f, Float.POSITIVE_INFINITY, 2f, 3f}};
        float[] maxima = {-1f, -0f, -1f, Float.POSITIVE_INFINITY};
        for (int w = 0; w < windows.length; w++) {
            INDArray x = Nd4j.createFromArray(windows[w]).reshape(1, 2, 2, 1);
            INDArray y = Nd4j.create(DataType.FLOAT, 1, 1, 1, 1);
            pooling.forward(x, y);
            assertEquals(0, Float.compare(maxima[w], y.getFloat(0)), "window " + w + ": got " + y.getFloat(0));
        }
    }

    @Test
    void readsAndWritesViewsAtAnOffset() {
        SampleShape input = SampleShape.image(2, 4, 4);
        SampleShape output = SampleShape.image(2, 2, 2);
        INDArray xBuffer = Nd4j.randn(DataType.FLOAT, 2 * input.size() + 7);
        INDArray x = xBuffer.get(NDArrayIndex.interval(7, xBuffer.length())).reshape(2, 4, 4, 2);
        INDArray yBuffer = Nd4j.zeros(DataType.FLOAT, 2 * output.size() + 3 + 5);
        INDArray y = yBuffer.get(NDArrayIndex.interval(3, 3 + 2 * output.size())).reshape(2, 2, 2, 2);

        new MaxPooling(input, output, 2, 2, false).forward(x, y);

        assertEquals(nd4jForward(x.dup(), 2, 2, output), y);
        assertTrue(yBuffer.get(NDArrayIndex.interval(0, 3)).sumNumber().doubleValue() == 0, "nothing written before the view");
        // a vector of 8 or 16 lanes is wider than a pixel's 2 channels, and must not run on past the last sample
        assertTrue(yBuffer.get(NDArrayIndex.interval(3 + 2 * output.size(), yBuffer.length())).sumNumber().doubleValue() == 0,
                "nothing written after the view");
    }

    @Test
    void refusesABatchOfAnotherShape() {
        MaxPooling pooling = new MaxPooling(SampleShape.image(2, 4, 4), SampleShape.image(2, 2, 2), 2, 2, false);
        INDArray x = Nd4j.create(DataType.FLOAT, 2, 4, 4, 3);
        INDArray y = Nd4j.create(DataType.FLOAT, 2, 2, 2, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> pooling.forward(x, y));
        assertTrue(error.getMessage().contains("32 and 8 values per sample"), error.getMessage());
    }
}
