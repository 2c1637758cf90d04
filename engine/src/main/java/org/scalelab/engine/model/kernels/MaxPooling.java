package org.scalelab.engine.model.kernels;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;

/**
 * Max pooling over square windows of NHWC image batches (no padding), as plain Java loops over one sample at a
 * time. The forward pass remembers which input value won each window, so the backward pass is a scatter of the
 * output gradients into a zeroed sample: no second search.
 *
 * <p>Why not ND4J's {@code maxpool2d_bp}: on a 64×32×32×32 batch it took 13.7 ms with one native thread
 * (oneDNN recomputes the forward pass and reorders NHWC to its blocked layout and back), 19 % of a whole
 * {@code cnn-1m} training step; here the backward pass takes 1.4 ms and the forward pass 5 ms against ND4J's
 * 2.4. A sample (128 KiB for 32×32×32 floats) stays in L2 cache while it is read, searched and written back.
 *
 * <p>A window's first maximum wins ties, as in ND4J (after a ReLU, windows of zeros are common). FLOAT values
 * are compared through their bit patterns (see {@link #poolFloats}), where a NaN orders by its bits: a positive
 * NaN wins, carrying the divergence forward to the loss, which reports it. DOUBLE, used by the gradient checks,
 * takes a plain loop.
 *
 * <p>Holds scratch arrays and the winners of the last forward pass, so it is not thread-safe: each layer owns one.
 */
public final class MaxPooling {
    private final SampleShape input;
    private final SampleShape output;
    private final int stride;
    /** Offsets, within a sample, of a window's values from its first one, in row-major order. */
    private final int[] windowOffsets;
    private final int inputPerSample;
    private final int outputPerSample;

    /** For each output value of the last forward batch: the index within its sample of the input value that won. */
    private int[] winners = new int[0];
    private int[] bitsIn = new int[0];
    private int[] bitsOut = new int[0];
    private float[] floatIn = new float[0];
    private float[] floatOut = new float[0];
    private double[] doubleIn = new double[0];
    private double[] doubleOut = new double[0];

    /** @param output the pooled shape, its height and width already fitted to {@code input}, size and stride */
    public MaxPooling(SampleShape input, SampleShape output, int size, int stride) {
        this.input = input;
        this.output = output;
        this.stride = stride;
        this.windowOffsets = new int[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                windowOffsets[i * size + j] = (i * input.width() + j) * input.channels();
            }
        }
        this.inputPerSample = input.size();
        this.outputPerSample = output.size();
    }

    /** {@code y} = the maxima of {@code x}'s windows, both NHWC batches of the same size and type. */
    public void forward(INDArray x, INDArray y) {
        int batch = prepare(x, y);
        if (winners.length < batch * outputPerSample) {
            winners = new int[batch * outputPerSample];
        }
        if (x.dataType() == DataType.FLOAT) {
            IntBuffer in = bits(x);
            IntBuffer out = bits(y);
            for (int sample = 0; sample < batch; sample++) {
                in.get(sampleStart(x, sample, inputPerSample), bitsIn, 0, inputPerSample);
                poolFloats(sample * outputPerSample);
                out.put(sampleStart(y, sample, outputPerSample), bitsOut, 0, outputPerSample);
            }
        } else {
            DoubleBuffer in = x.data().asNioDouble();
            DoubleBuffer out = y.data().asNioDouble();
            for (int sample = 0; sample < batch; sample++) {
                in.get(sampleStart(x, sample, inputPerSample), doubleIn, 0, inputPerSample);
                poolDoubles(sample * outputPerSample);
                out.put(sampleStart(y, sample, outputPerSample), doubleOut, 0, outputPerSample);
            }
        }
    }

    /**
     * {@code dx} = each value of {@code dy} added at the input position that won its window in the last
     * {@link #forward} (overlapping windows can share a winner), zero elsewhere.
     */
    public void backward(INDArray dy, INDArray dx) {
        int batch = prepare(dx, dy);
        if (winners.length < batch * outputPerSample) {
            throw new IllegalStateException("max pooling backward pass of " + batch + " samples after a forward pass of "
                    + winners.length / outputPerSample);
        }
        if (dx.dataType() == DataType.FLOAT) {
            FloatBuffer gradients = dy.data().asNioFloat();
            FloatBuffer inputGradients = dx.data().asNioFloat();
            for (int sample = 0; sample < batch; sample++) {
                gradients.get(sampleStart(dy, sample, outputPerSample), floatOut, 0, outputPerSample);
                Arrays.fill(floatIn, 0, inputPerSample, 0f);
                int firstWinner = sample * outputPerSample;
                for (int o = 0; o < outputPerSample; o++) {
                    floatIn[winners[firstWinner + o]] += floatOut[o];
                }
                inputGradients.put(sampleStart(dx, sample, inputPerSample), floatIn, 0, inputPerSample);
            }
        } else {
            DoubleBuffer gradients = dy.data().asNioDouble();
            DoubleBuffer inputGradients = dx.data().asNioDouble();
            for (int sample = 0; sample < batch; sample++) {
                gradients.get(sampleStart(dy, sample, outputPerSample), doubleOut, 0, outputPerSample);
                Arrays.fill(doubleIn, 0, inputPerSample, 0d);
                int firstWinner = sample * outputPerSample;
                for (int o = 0; o < outputPerSample; o++) {
                    doubleIn[winners[firstWinner + o]] += doubleOut[o];
                }
                inputGradients.put(sampleStart(dx, sample, inputPerSample), doubleIn, 0, inputPerSample);
            }
        }
    }

    /** Where a sample starts in the array's NIO buffer, which starts at the root buffer of a view. */
    private static int sampleStart(INDArray batch, int sample, int valuesPerSample) {
        return (int) (batch.offset() + (long) sample * valuesPerSample);
    }

    private static IntBuffer bits(INDArray floats) {
        return floats.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    /**
     * One FLOAT sample from {@code bitsIn} into {@code bitsOut}, as IEEE-754 bit patterns turned into ints that
     * order as the floats do ({@link #orderedKey}), without a branch that depends on the data. Measured on the
     * first pooling of {@code cnn-1m} (64×32×32×32): a loop that compared floats and took the larger with an
     * {@code if} spent 11 ms per batch mispredicting; {@code Math.max} on floats in the window loop 12 ms (C2
     * compiles it badly inside a short loop); this loop 5 ms, against 2.4 ms for ND4J's forward op, which
     * records no winners and makes its backward op take 13.7 ms.
     */
    private void poolFloats(int firstWinner) {
        int[] in = bitsIn;
        int[] out = bitsOut;
        int[] offsets = windowOffsets;
        int channels = input.channels();
        int o = 0;
        for (int oh = 0; oh < output.height(); oh++) {
            for (int ow = 0; ow < output.width(); ow++) {
                int corner = (oh * stride * input.width() + ow * stride) * channels;
                for (int first = corner; first < corner + channels; first++) {
                    int best = orderedKey(in[first]);
                    int winnerOffset = 0;
                    for (int t = 1; t < offsets.length; t++) {
                        int key = orderedKey(in[first + offsets[t]]);
                        int larger = (int) (((long) best - key) >> 63);  // all ones when key > best, else 0
                        best = (key & larger) | (best & ~larger);
                        winnerOffset = (offsets[t] & larger) | (winnerOffset & ~larger);
                    }
                    out[o] = orderedKey(best);  // the map is its own inverse
                    winners[firstWinner + o] = first + winnerOffset;
                    o++;
                }
            }
        }
    }

    /**
     * Negative floats order in reverse of their bit patterns; flipping all but the sign bit of those fixes that,
     * so that {@code a < b} as floats exactly when {@code orderedKey(a) < orderedKey(b)} as ints (NaNs aside).
     */
    private static int orderedKey(int bits) {
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /** One DOUBLE sample (gradient checks): the plain loop, speed does not matter here. */
    private void poolDoubles(int firstWinner) {
        int o = firstWinner;
        for (int oh = 0; oh < output.height(); oh++) {
            for (int ow = 0; ow < output.width(); ow++) {
                int corner = (oh * stride * input.width() + ow * stride) * input.channels();
                for (int c = 0; c < input.channels(); c++) {
                    int winner = corner + c;
                    for (int offset : windowOffsets) {
                        if (doubleIn[corner + c + offset] > doubleIn[winner]) {
                            winner = corner + c + offset;
                        }
                    }
                    winners[o] = winner;
                    doubleOut[o - firstWinner] = doubleIn[winner];
                    o++;
                }
            }
        }
    }

    /**
     * Checks that both arrays are contiguous NHWC batches of this pooling's shapes and of one type, sizes the
     * scratch arrays for that type, and returns the batch size.
     */
    private int prepare(INDArray inputSide, INDArray outputSide) {
        int batch = (int) inputSide.size(0);
        DataType type = inputSide.dataType();
        if (inputSide.length() != (long) batch * inputPerSample || outputSide.length() != (long) batch * outputPerSample
                || outputSide.dataType() != type || type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("max pooling " + input + " → " + output + " needs FLOAT or DOUBLE batches of "
                    + inputPerSample + " and " + outputPerSample + " values per sample, got " + inputSide.length() + " "
                    + type + " and " + outputSide.length() + " " + outputSide.dataType());
        }
        if (!Layouts.rowMajorContiguous(inputSide) || !Layouts.rowMajorContiguous(outputSide)) {
            throw new IllegalArgumentException("max pooling needs contiguous row-major arrays");
        }
        allocateScratch(type);
        return batch;
    }

    private void allocateScratch(DataType type) {
        if (type == DataType.FLOAT && floatIn.length < inputPerSample) {
            bitsIn = new int[inputPerSample];
            bitsOut = new int[outputPerSample];
            floatIn = new float[inputPerSample];
            floatOut = new float[outputPerSample];
        } else if (type == DataType.DOUBLE && doubleIn.length < inputPerSample) {
            doubleIn = new double[inputPerSample];
            doubleOut = new double[outputPerSample];
        }
    }
}
