package org.scalelab.engine.model.kernels;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;

/**
 * Max pooling over square windows of NHWC image batches (no padding), as plain Java loops over one sample at a
 * time, optionally of the ReLU of its input. The forward pass remembers which value of its window won each
 * output, so the backward pass writes the output gradients back to the winners: no second search.
 *
 * <p>Why not ND4J's {@code maxpool2d_bp}: on a 64×32×32×32 batch it took 13.7 ms with one native thread
 * (oneDNN recomputes the forward pass and reorders NHWC to its blocked layout and back), 19 % of a whole
 * {@code cnn-1m} training step. A sample (128 KiB for 32×32×32 floats) stays in L2 cache while it is read,
 * searched and written back.
 *
 * <p>With {@code reluFirst} it computes {@code maxpool(relu(x))} in one pass over {@code x}: ReLU is monotone, so
 * that is {@code relu(maxpool(x))}, and its gradient reaches a window's winner only where the pooled value is
 * positive. The ReLU before a pooling then never reads or writes the full-size activation and its gradient.
 *
 * <p>A window's first maximum wins ties, as in ND4J (after a ReLU, windows of zeros are common). FLOAT values
 * are compared through their bit patterns (see {@link #poolKeys}), where a NaN orders by its bits: a positive
 * NaN wins, carrying the divergence forward to the loss, which reports it. DOUBLE, used by the gradient checks,
 * takes plain loops.
 *
 * <p>The samples of a batch are shared among the worker's {@link IntraOpThreads}, each with scratch arrays of its own.
 * Holds those and the winners of the last forward pass, so an instance serves one worker: each layer owns one.
 */
public final class MaxPooling {
    /** The winner of a window whose maximum the ReLU zeroed, so that no gradient goes back through it. */
    static final short NO_GRADIENT = -1;
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private final SampleShape input;
    private final SampleShape output;
    private final int stride;
    private final boolean reluFirst;
    /** Windows that do not overlap: every input value has at most one window, so the backward pass writes, not adds. */
    private final boolean disjoint;
    /** Offsets, within a sample, of a window's values from its first one, in row-major order. */
    private final int[] windowOffsets;
    /** Within a sample, the first value of each window, in the order of the outputs. */
    private final int[] windowCorners;
    private final int inputPerSample;
    private final int outputPerSample;
    /** The FLOAT loops. */
    private final MaxPoolingVectors floats;

    /**
     * For each output value of the last forward batch: which value of its window won (an index into
     * {@link #windowOffsets}), or {@link #NO_GRADIENT}. Shorts, not the winners' ints: on {@code cnn-1m}'s first pooling
     * they are 1 MB a batch that the forward pass writes and the backward pass reads, beside the 8 MB it reads or writes
     * in either, which make both passes as slow as memory.
     */
    private short[] winners = new short[0];
    /** One per intra-op thread. */
    private SampleScratch[] scratch = new SampleScratch[0];

    /** One sample's values, as one thread pools it or places its gradients. */
    private static final class SampleScratch {
        private float[] floatIn = new float[0];
        private float[] floatOut = new float[0];
        private double[] doubleIn = new double[0];
        private double[] doubleOut = new double[0];
    }

    /**
     * @param output    the pooled shape, its height and width already fitted to {@code input}, size and stride
     * @param reluFirst pool {@code relu(x)} rather than {@code x}
     */
    public MaxPooling(SampleShape input, SampleShape output, int size, int stride, boolean reluFirst) {
        if (size * size > Short.MAX_VALUE) {
            throw new IllegalArgumentException("max pooling windows are at most 181×181, got " + size + "×" + size);
        }
        this.input = input;
        this.output = output;
        this.stride = stride;
        this.reluFirst = reluFirst;
        this.disjoint = stride >= size;
        this.windowOffsets = new int[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                windowOffsets[i * size + j] = (i * input.width() + j) * input.channels();
            }
        }
        this.windowCorners = new int[output.height() * output.width()];
        for (int oh = 0; oh < output.height(); oh++) {
            for (int ow = 0; ow < output.width(); ow++) {
                windowCorners[oh * output.width() + ow] = (oh * stride * input.width() + ow * stride) * input.channels();
            }
        }
        this.inputPerSample = input.size();
        this.outputPerSample = output.size();
        requireVectorApi();
        this.floats = new MaxPoolingVectors(input, output, size, stride, windowCorners, windowOffsets);
    }

    /**
     * The FLOAT loops use the JDK's Vector API, a module Java 17 resolves only when asked: without this check a JVM
     * started without it fails on a missing class.
     */
    private static void requireVectorApi() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new IllegalStateException("max pooling needs the JDK module " + VECTOR_MODULE + ": start Java with"
                    + " --add-modules " + VECTOR_MODULE + " (the scalelab script and the JVMs it starts do)");
        }
    }

    /** {@code y} = the maxima of {@code x}'s windows (of {@code relu(x)}'s), both NHWC batches of one size and type. */
    public void forward(INDArray x, INDArray y) {
        int batch = prepare(x, y);
        if (winners.length < batch * outputPerSample) {
            winners = new short[batch * outputPerSample];
        }
        IntraOpThreads.onThisThread().split(batch, inputPerSample, (lane, from, to) -> {
            SampleScratch buffers = scratch[lane];
            if (x.dataType() == DataType.FLOAT) {
                ByteBuffer in = x.data().asNio();
                ByteBuffer out = y.data().asNio();
                for (int sample = from; sample < to; sample++) {
                    floats.pool(in, sampleStart(x, sample, inputPerSample), out, sampleStart(y, sample, outputPerSample),
                            winners, sample * outputPerSample, reluFirst);
                }
            } else {
                DoubleBuffer in = x.data().asNioDouble();
                DoubleBuffer out = y.data().asNioDouble();
                for (int sample = from; sample < to; sample++) {
                    in.get(sampleStart(x, sample, inputPerSample), buffers.doubleIn, 0, inputPerSample);
                    poolDoubles(buffers, sample * outputPerSample);
                    out.put(sampleStart(y, sample, outputPerSample), buffers.doubleOut, 0, outputPerSample);
                }
            }
        });
    }

    /**
     * {@code dx} = each value of {@code dy} at the input position that won its window in the last {@link #forward}
     * (added up where overlapping windows share a winner; none where the ReLU zeroed the window), zero elsewhere.
     */
    public void backward(INDArray dy, INDArray dx) {
        int batch = prepare(dx, dy);
        if (winners.length < batch * outputPerSample) {
            throw new IllegalStateException("max pooling backward pass of " + batch + " samples after a forward pass of "
                    + winners.length / outputPerSample);
        }
        IntraOpThreads.onThisThread().split(batch, inputPerSample, (lane, from, to) -> {
            SampleScratch buffers = scratch[lane];
            if (dx.dataType() == DataType.FLOAT && disjoint && floats.wholeVectors()) {
                ByteBuffer gradients = dy.data().asNio();
                ByteBuffer inputGradients = dx.data().asNio();
                for (int sample = from; sample < to; sample++) {
                    floats.placeGradients(gradients, sampleStart(dy, sample, outputPerSample), inputGradients,
                            sampleStart(dx, sample, inputPerSample), winners, sample * outputPerSample);
                }
            } else if (dx.dataType() == DataType.FLOAT) {
                FloatBuffer gradients = dy.data().asNioFloat();
                FloatBuffer inputGradients = dx.data().asNioFloat();
                float[] in = buffers.floatIn;
                float[] out = buffers.floatOut;
                for (int sample = from; sample < to; sample++) {
                    gradients.get(sampleStart(dy, sample, outputPerSample), out, 0, outputPerSample);
                    Arrays.fill(in, 0, inputPerSample, 0f);
                    int o = 0;
                    int w = sample * outputPerSample;
                    for (int corner : windowCorners) {
                        for (int c = 0; c < input.channels(); c++, o++, w++) {
                            int winner = winners[w];
                            // branch-free: where the ReLU cut the window, +0 is added to its first value
                            in[corner + windowOffsets[Math.max(winner, 0)] + c] += winner == NO_GRADIENT ? 0f : out[o];
                        }
                    }
                    inputGradients.put(sampleStart(dx, sample, inputPerSample), in, 0, inputPerSample);
                }
            } else {
                DoubleBuffer gradients = dy.data().asNioDouble();
                DoubleBuffer inputGradients = dx.data().asNioDouble();
                double[] in = buffers.doubleIn;
                double[] out = buffers.doubleOut;
                for (int sample = from; sample < to; sample++) {
                    gradients.get(sampleStart(dy, sample, outputPerSample), out, 0, outputPerSample);
                    Arrays.fill(in, 0, inputPerSample, 0d);
                    int o = 0;
                    int w = sample * outputPerSample;
                    for (int corner : windowCorners) {
                        for (int c = 0; c < input.channels(); c++, o++, w++) {
                            int winner = winners[w];
                            if (winner != NO_GRADIENT) {
                                in[corner + windowOffsets[winner] + c] += out[o];
                            }
                        }
                    }
                    inputGradients.put(sampleStart(dx, sample, inputPerSample), in, 0, inputPerSample);
                }
            }
        });
    }

    /** Where a sample starts in the array's NIO buffer, which starts at the root buffer of a view. */
    private static int sampleStart(INDArray batch, int sample, int valuesPerSample) {
        return (int) (batch.offset() + (long) sample * valuesPerSample);
    }

    /** One DOUBLE sample (gradient checks): the plain loop, speed does not matter here. */
    private void poolDoubles(SampleScratch buffers, int firstWinner) {
        int o = 0;
        for (int corner : windowCorners) {
            for (int c = 0; c < input.channels(); c++, o++) {
                int winner = 0;
                double best = doubleValue(buffers, corner + c);
                for (int t = 1; t < windowOffsets.length; t++) {
                    double value = doubleValue(buffers, corner + windowOffsets[t] + c);
                    if (value > best) {
                        best = value;
                        winner = t;
                    }
                }
                winners[firstWinner + o] = reluFirst && best <= 0 ? NO_GRADIENT : (short) winner;
                buffers.doubleOut[o] = best;
            }
        }
    }

    /** An input value of the DOUBLE sample, after the ReLU if there is one (+0 for a set sign bit, as {@link Elementwise#relu}). */
    private double doubleValue(SampleScratch buffers, int index) {
        double value = buffers.doubleIn[index];
        return reluFirst && Double.doubleToRawLongBits(value) < 0 ? 0d : value;
    }

    /**
     * Checks that both arrays are contiguous NHWC batches of this pooling's shapes and of one type, sizes every
     * intra-op thread's scratch arrays for that type, and returns the batch size.
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
        int threads = IntraOpThreads.onThisThread().count();
        if (scratch.length < threads) {
            SampleScratch[] more = Arrays.copyOf(scratch, threads);
            for (int lane = scratch.length; lane < threads; lane++) {
                more[lane] = new SampleScratch();
            }
            scratch = more;
        }
        for (SampleScratch buffers : scratch) {
            if (type == DataType.FLOAT && buffers.floatIn.length < inputPerSample) {
                buffers.floatIn = new float[inputPerSample];
                buffers.floatOut = new float[outputPerSample];
            } else if (type == DataType.DOUBLE && buffers.doubleIn.length < inputPerSample) {
                buffers.doubleIn = new double[inputPerSample];
                buffers.doubleOut = new double[outputPerSample];
            }
        }
    }
}
