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
 * time, optionally of the ReLU of its input. The forward pass remembers which value of its window won each
 * output, so the backward pass writes the output gradients back to the winners: no second search. FLOAT batches
 * whose windows do not overlap and whose pixels' channels fill whole vectors ({@code cnn-1m}'s 32 and 64) go to
 * {@link MaxPoolingVectors}, three times faster there.
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
    /** Set in a winner when ReLU zeroed the window's maximum, so that no gradient goes back through it. */
    private static final int NO_GRADIENT = Integer.MIN_VALUE;

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
    /** Both FLOAT passes for windows that do not overlap and pixels whose channels fill whole vectors; else null. */
    private final MaxPoolingVectors vectors;

    /**
     * For each output value of the last forward batch: the index within its sample of the input value that won,
     * or'ed with {@link #NO_GRADIENT} where the ReLU zeroed the window.
     */
    private int[] winners = new int[0];
    /** One per intra-op thread. */
    private SampleScratch[] scratch = new SampleScratch[0];

    /** One sample's values, as one thread pools it or places its gradients. */
    private static final class SampleScratch {
        private int[] bitsIn = new int[0];
        private int[] bitsOut = new int[0];
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
        VectorApi.require("max pooling");
        this.vectors = disjoint && MaxPoolingVectors.fits(input.channels(), size)
                ? new MaxPoolingVectors(input, output, size, stride, windowCorners, windowOffsets) : null;
    }

    /** {@code y} = the maxima of {@code x}'s windows (of {@code relu(x)}'s), both NHWC batches of one size and type. */
    public void forward(INDArray x, INDArray y) {
        int batch = prepare(x, y);
        if (x.dataType() == DataType.FLOAT && vectors != null) {
            vectors.forward(x, y, batch, reluFirst);
            return;
        }
        if (winners.length < batch * outputPerSample) {
            winners = new int[batch * outputPerSample];
        }
        IntraOpThreads.onThisThread().split(batch, inputPerSample, (lane, from, to) -> {
            SampleScratch buffers = scratch[lane];
            if (x.dataType() == DataType.FLOAT) {
                IntBuffer in = bits(x);
                IntBuffer out = bits(y);
                for (int sample = from; sample < to; sample++) {
                    in.get(Layouts.sampleStart(x, sample, inputPerSample), buffers.bitsIn, 0, inputPerSample);
                    poolFloats(buffers, sample * outputPerSample);
                    out.put(Layouts.sampleStart(y, sample, outputPerSample), buffers.bitsOut, 0, outputPerSample);
                }
            } else {
                DoubleBuffer in = x.data().asNioDouble();
                DoubleBuffer out = y.data().asNioDouble();
                for (int sample = from; sample < to; sample++) {
                    in.get(Layouts.sampleStart(x, sample, inputPerSample), buffers.doubleIn, 0, inputPerSample);
                    poolDoubles(buffers, sample * outputPerSample);
                    out.put(Layouts.sampleStart(y, sample, outputPerSample), buffers.doubleOut, 0, outputPerSample);
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
        if (dx.dataType() == DataType.FLOAT && vectors != null) {
            vectors.backward(dy, dx, batch);
            return;
        }
        if (winners.length < batch * outputPerSample) {
            throw new IllegalStateException("max pooling backward pass of " + batch + " samples after a forward pass of "
                    + winners.length / outputPerSample);
        }
        IntraOpThreads.onThisThread().split(batch, inputPerSample, (lane, from, to) -> {
            SampleScratch buffers = scratch[lane];
            if (dx.dataType() == DataType.FLOAT && disjoint) {
                IntBuffer gradients = bits(dy);
                IntBuffer inputGradients = bits(dx);
                for (int sample = from; sample < to; sample++) {
                    gradients.get(Layouts.sampleStart(dy, sample, outputPerSample), buffers.bitsOut, 0, outputPerSample);
                    placeGradients(buffers, sample * outputPerSample);
                    inputGradients.put(Layouts.sampleStart(dx, sample, inputPerSample), buffers.bitsIn, 0, inputPerSample);
                }
            } else if (dx.dataType() == DataType.FLOAT) {
                FloatBuffer gradients = dy.data().asNioFloat();
                FloatBuffer inputGradients = dx.data().asNioFloat();
                float[] in = buffers.floatIn;
                float[] out = buffers.floatOut;
                for (int sample = from; sample < to; sample++) {
                    gradients.get(Layouts.sampleStart(dy, sample, outputPerSample), out, 0, outputPerSample);
                    Arrays.fill(in, 0, inputPerSample, 0f);
                    int first = sample * outputPerSample;
                    for (int o = 0; o < outputPerSample; o++) {
                        int winner = winners[first + o];
                        if (winner >= 0) {
                            in[winner] += out[o];
                        }
                    }
                    inputGradients.put(Layouts.sampleStart(dx, sample, inputPerSample), in, 0, inputPerSample);
                }
            } else {
                DoubleBuffer gradients = dy.data().asNioDouble();
                DoubleBuffer inputGradients = dx.data().asNioDouble();
                double[] in = buffers.doubleIn;
                double[] out = buffers.doubleOut;
                for (int sample = from; sample < to; sample++) {
                    gradients.get(Layouts.sampleStart(dy, sample, outputPerSample), out, 0, outputPerSample);
                    Arrays.fill(in, 0, inputPerSample, 0d);
                    int first = sample * outputPerSample;
                    for (int o = 0; o < outputPerSample; o++) {
                        int winner = winners[first + o];
                        if (winner >= 0) {
                            in[winner] += out[o];
                        }
                    }
                    inputGradients.put(Layouts.sampleStart(dx, sample, inputPerSample), in, 0, inputPerSample);
                }
            }
        });
    }

    private static IntBuffer bits(INDArray floats) {
        return floats.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    /**
     * One FLOAT sample from {@code bitsIn} into {@code bitsOut}: the IEEE-754 bit patterns are turned into ints
     * that order as the floats do, so that the search is integer {@code max} and masks, without a branch that
     * depends on the data, and the loops run along the channels, which lie side by side in NHWC, so that C2
     * vectorises them. Measured on the first pooling of {@code cnn-1m} (64×32×32×32): a loop over each window that
     * compared floats with an {@code if} spent 11 ms per batch mispredicting; {@code Math.max} on floats in the
     * window loop 12 ms; branch-free masks in the window loop 4.3–6.3 ms; this 3.6–4.8 (3.0 with the batch in
     * cache). With the ReLU it pools {@code x} and applies the ReLU to the maxima: pooling ReLU'd keys, half of
     * them tied at zero, was a third slower.
     */
    private void poolFloats(SampleScratch buffers, int firstWinner) {
        int[] in = buffers.bitsIn;
        for (int i = 0; i < inputPerSample; i++) {
            in[i] = orderedKey(in[i]);
        }
        poolKeys(buffers, firstWinner);
        int[] out = buffers.bitsOut;
        for (int o = 0; o < outputPerSample; o++) {
            out[o] = orderedKey(out[o]);  // the map is its own inverse
        }
        if (reluFirst) {
            // relu(max(x)); a maximum of zero or less leaves the whole window cut by the ReLU: no gradient
            for (int o = 0; o < outputPerSample; o++) {
                int bits = out[o];
                winners[firstWinner + o] |= ((bits - 1) | bits) >> 31 & NO_GRADIENT;
                out[o] = bits & ~(bits >> 31);
            }
        }
    }

    /**
     * Each window's maximum of the ordered keys in {@code bitsIn}, into {@code bitsOut}, and which of its values
     * won, into {@link #winners}: a window's values one after the other, each compared with the running maxima
     * of all channels at once. A later value wins only when strictly larger, so the first maximum wins ties.
     */
    private void poolKeys(SampleScratch buffers, int firstWinner) {
        int[] in = buffers.bitsIn;
        int[] out = buffers.bitsOut;
        int[] won = winners;
        int[] offsets = windowOffsets;
        int channels = input.channels();
        int o = 0;
        for (int corner : windowCorners) {
            int w = firstWinner + o;
            System.arraycopy(in, corner, out, o, channels);
            Arrays.fill(won, w, w + channels, 0);
            for (int t = 1; t < offsets.length; t++) {
                int from = corner + offsets[t];
                for (int c = 0; c < channels; c++) {
                    int best = out[o + c];
                    int larger = Math.max(best, in[from + c]);
                    int changed = larger ^ best;
                    int mask = (changed | -changed) >> 31;  // all ones where the value beat the running maximum
                    out[o + c] = larger;
                    won[w + c] = (t & mask) | (won[w + c] & ~mask);
                }
            }
            for (int c = 0; c < channels; c++) {
                won[w + c] = corner + offsets[won[w + c]] + c;  // the backward pass's scatter is then a flat loop
            }
            o += channels;
        }
    }

    /**
     * One FLOAT sample's input gradient, windows apart: each window's output gradient ({@code bitsOut}) as a bit
     * pattern into its winner's place in the zeroed {@code bitsIn}, or zero where the winner is marked
     * {@link #NO_GRADIENT} (its window has no other winner). A scatter of a quarter of the values (2×2 windows) into
     * a sample that stays in cache: 1.0–1.3 ms for cnn-1m's first pooling, where writing every value of each window
     * with masks took 2.1, and finding the winner's place from its window index in this loop 1.8.
     */
    private void placeGradients(SampleScratch buffers, int firstWinner) {
        int[] in = buffers.bitsIn;
        int[] out = buffers.bitsOut;
        int[] won = winners;
        Arrays.fill(in, 0, inputPerSample, 0);
        for (int o = 0; o < outputPerSample; o++) {
            int winner = won[firstWinner + o];
            in[winner & ~NO_GRADIENT] = out[o] & ~(winner >> 31);
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
                int index = corner + windowOffsets[winner] + c;
                winners[firstWinner + o] = reluFirst && best <= 0 ? index | NO_GRADIENT : index;
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
                buffers.bitsIn = new int[inputPerSample];
                buffers.bitsOut = new int[outputPerSample];
                buffers.floatIn = new float[inputPerSample];
                buffers.floatOut = new float[outputPerSample];
            } else if (type == DataType.DOUBLE && buffers.doubleIn.length < inputPerSample) {
                buffers.doubleIn = new double[inputPerSample];
                buffers.doubleOut = new double[outputPerSample];
            }
        }
    }
}
