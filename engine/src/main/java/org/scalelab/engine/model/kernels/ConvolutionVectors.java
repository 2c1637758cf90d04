package org.scalelab.engine.model.kernels;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution over FLOAT NHWC batches with the JDK's Vector API: its weight and bias gradients straight from the
 * input and the output gradient, {@code dW[v][f] = Σₚ x[p + v]·dy[p][f]} over the output positions {@code p} and the
 * patch values {@code v = (kh, kw, c)} and {@code db[f] = Σₚ dy[p][f]}, and its forward pass,
 * {@code y[p][f] = b[f] + Σᵥ x[p + v]·W[f][v]}. A vector holds 16 filters of one position (8 with AVX2), which lie side
 * by side in NHWC; an input value is broadcast to every lane. Each sample is first copied into a zero-bordered buffer,
 * so no window needs a bounds check.
 *
 * <p>Why: a network's first convolution needs only the weight gradients, and through im2col and a matrix product
 * ({@code ConvolutionColumns}) {@code cnn-1m}'s took 2.6–2.9 ms a batch (39–43 GFLOP/s), much of it writing and
 * reading the 7 MB column matrix; this reads the input and dy once, in 1.3–1.4 ms. oneDNN's forward pass pads 1–3
 * input channels to a whole vector; this one ran that layer in 1.3–1.4 ms against 1.6–1.9 (docs/PERFORMANCE.md).
 * Either pass takes {@link #GROUP} patch values (or positions) against two vectors of filters: eight running sums that
 * stay in registers, while the row of dy (or the weights) waits in the L1 cache.
 *
 * <p>Fits layers whose filters fill pairs of vectors ({@link #fits}, {@link #fitsForward}); others keep the columns and
 * oneDNN. The samples are shared among the worker's {@link IntraOpThreads}, each adding into sums of its own. Holds
 * scratch, so an instance serves one worker: each layer owns one.
 */
public final class ConvolutionVectors {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    /**
     * Patch values (in the forward pass, positions) summed in one pass: against two vectors of filters, eight sums,
     * enough to hide each FMA's latency.
     */
    private static final int GROUP = 4;

    private final ConvolutionGeometry geometry;
    private final int filters;
    private final int channels;
    private final int patchLength;
    private final int borderedWidth;
    /**
     * Per patch value, where it lies in the bordered sample relative to a window's first value; padded to whole
     * groups with the last value again, whose sums are then dropped.
     */
    private final int[] patchOffsets;
    /**
     * Per intra-op thread: a sample inside its zero border, one output row of dy or of outputs, and the weight
     * gradients' sums as {@code [patch + 1, filters]}.
     */
    private float[][] bordered = new float[0][];
    private float[][] row = new float[0][];
    private float[][] sums = new float[0][];
    /** The weights as {@code [patch, filters]}, a vector of filters per patch value, and the bias. */
    private final float[] weightsByValue;
    private final float[] biasValues;

    /** Whether the weight gradients of {@code filters} filters fit: pairs of vectors ({@link VectorApi#require} first). */
    public static boolean fits(int filters) {
        return filters % (2 * LANES) == 0;
    }

    /**
     * Whether the forward pass fits, and beats oneDNN's: the filters fill pairs of vectors, and the input has fewer
     * channels than a vector has lanes. oneDNN blocks channels by a vector's width and pads fewer to a whole block:
     * {@code cnn-1m}'s first layer (3 channels) ran at 61–68 GFLOP/s there and 94 here, its second (32) at 175 there
     * and 130 here (docs/PERFORMANCE.md).
     */
    public static boolean fitsForward(int channels, int filters) {
        return fits(filters) && channels < LANES;
    }

    public ConvolutionVectors(ConvolutionGeometry geometry) {
        this.geometry = geometry;
        this.filters = geometry.output().channels();
        this.channels = geometry.input().channels();
        this.patchLength = geometry.patchLength();
        this.borderedWidth = geometry.borderedWidth();
        this.patchOffsets = new int[(patchLength + GROUP - 1) / GROUP * GROUP];
        for (int v = 0; v < patchOffsets.length; v++) {
            int value = Math.min(v, patchLength - 1);
            int c = value % channels;
            int kw = value / channels % geometry.kernel();
            int kh = value / channels / geometry.kernel();
            patchOffsets[v] = (kh * borderedWidth + kw) * channels + c;
        }
        this.weightsByValue = new float[patchLength * filters];
        this.biasValues = new float[filters];
    }

    /**
     * {@code [dW | db]ᵀ} of the FLOAT batches {@code x} and {@code dy} into {@code gradients}, a row-major
     * {@code [kH·kW·in + 1, filters]} matrix: a row per patch value {@code (kh, kw, c)}, the last the bias's.
     */
    public void weightGradients(INDArray x, INDArray dy, INDArray gradients) {
        if (x.dataType() != DataType.FLOAT || dy.dataType() != DataType.FLOAT || gradients.dataType() != DataType.FLOAT
                || !Layouts.rowMajorContiguous(gradients) || gradients.length() != (long) (patchLength + 1) * filters) {
            throw new IllegalArgumentException("convolution weight gradients need FLOAT batches and a contiguous ["
                    + (patchLength + 1) + ", " + filters + "] FLOAT matrix, got " + x.dataType() + ", " + dy.dataType()
                    + " and " + gradients.dataType() + " " + Arrays.toString(gradients.shape()));
        }
        int batch = (int) x.size(0);
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        allocate(threads.count());
        for (float[] lane : sums) {
            Arrays.fill(lane, 0);
        }
        FloatBuffer input = floats(x);
        FloatBuffer outputGradients = floats(dy);
        int inputPerSample = geometry.input().size();
        int outputPerSample = geometry.output().size();
        threads.split(batch, outputPerSample, (lane, from, to) -> {
            for (int n = from; n < to; n++) {
                border(input, Layouts.sampleStart(x, n, inputPerSample), bordered[lane]);
                addSample(outputGradients, Layouts.sampleStart(dy, n, outputPerSample), lane);
            }
        });
        float[] total = sums[0];
        for (int lane = 1; lane < sums.length; lane++) {
            for (int i = 0; i < total.length; i++) {
                total[i] += sums[lane][i];
            }
        }
        floats(gradients).put((int) gradients.offset(), total, 0, total.length);
    }

    /**
     * {@code y = conv(x, W) + b} for FLOAT NHWC batches, {@code weights} a contiguous {@code [filters, kH, kW, in]}
     * array: per output position, {@code y[p][f] = b[f] + Σᵥ x[p + v]·W[f][v]}. Positions are taken {@link #GROUP} at a
     * time against two vectors of filters, eight running sums in registers while the weights' rows wait in L1.
     */
    public void forward(INDArray x, INDArray weights, INDArray bias, INDArray y) {
        int batch = (int) x.size(0);
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        allocate(threads.count());
        FloatBuffer filterValues = floats(weights);
        for (int f = 0; f < filters; f++) {
            for (int v = 0; v < patchLength; v++) {
                weightsByValue[v * filters + f] = filterValues.get((int) weights.offset() + f * patchLength + v);
            }
        }
        floats(bias).get((int) bias.offset(), biasValues, 0, filters);
        FloatBuffer input = floats(x);
        FloatBuffer output = floats(y);
        int inputPerSample = geometry.input().size();
        int outputPerSample = geometry.output().size();
        threads.split(batch, outputPerSample, (lane, from, to) -> {
            for (int n = from; n < to; n++) {
                border(input, Layouts.sampleStart(x, n, inputPerSample), bordered[lane]);
                convolveSample(output, Layouts.sampleStart(y, n, outputPerSample), lane);
            }
        });
    }

    /** One sample's outputs, from the lane's bordered sample into {@code y} from {@code yStart}. */
    private void convolveSample(FloatBuffer y, int yStart, int lane) {
        float[] x = bordered[lane];
        float[] outputs = row[lane];
        int outWidth = geometry.output().width();
        int step = geometry.stride() * channels;
        for (int oh = 0; oh < geometry.output().height(); oh++) {
            int rowStart = oh * geometry.stride() * borderedWidth * channels;
            for (int ow = 0; ow < outWidth; ow += GROUP) {
                // a group past the row's last position repeats it; those sums are dropped
                int at0 = rowStart + ow * step;
                int at1 = rowStart + Math.min(ow + 1, outWidth - 1) * step;
                int at2 = rowStart + Math.min(ow + 2, outWidth - 1) * step;
                int at3 = rowStart + Math.min(ow + 3, outWidth - 1) * step;
                for (int f = 0; f < filters; f += 2 * LANES) {
                    FloatVector s00 = FloatVector.fromArray(FLOATS, biasValues, f);
                    FloatVector s01 = FloatVector.fromArray(FLOATS, biasValues, f + LANES);
                    FloatVector s10 = s00;
                    FloatVector s11 = s01;
                    FloatVector s20 = s00;
                    FloatVector s21 = s01;
                    FloatVector s30 = s00;
                    FloatVector s31 = s01;
                    for (int v = 0; v < patchLength; v++) {
                        FloatVector w0 = FloatVector.fromArray(FLOATS, weightsByValue, v * filters + f);
                        FloatVector w1 = FloatVector.fromArray(FLOATS, weightsByValue, v * filters + f + LANES);
                        int offset = patchOffsets[v];
                        FloatVector x0 = FloatVector.broadcast(FLOATS, x[at0 + offset]);
                        s00 = w0.fma(x0, s00);
                        s01 = w1.fma(x0, s01);
                        FloatVector x1 = FloatVector.broadcast(FLOATS, x[at1 + offset]);
                        s10 = w0.fma(x1, s10);
                        s11 = w1.fma(x1, s11);
                        FloatVector x2 = FloatVector.broadcast(FLOATS, x[at2 + offset]);
                        s20 = w0.fma(x2, s20);
                        s21 = w1.fma(x2, s21);
                        FloatVector x3 = FloatVector.broadcast(FLOATS, x[at3 + offset]);
                        s30 = w0.fma(x3, s30);
                        s31 = w1.fma(x3, s31);
                    }
                    store(outputs, ow, f, s00, s01);
                    if (ow + 1 < outWidth) {
                        store(outputs, ow + 1, f, s10, s11);
                    }
                    if (ow + 2 < outWidth) {
                        store(outputs, ow + 2, f, s20, s21);
                    }
                    if (ow + 3 < outWidth) {
                        store(outputs, ow + 3, f, s30, s31);
                    }
                }
            }
            y.put(yStart + oh * outWidth * filters, outputs, 0, outputs.length);
        }
    }

    /** Two vectors of filters, from filter {@code f} on, as position {@code ow}'s outputs in {@code row}. */
    private void store(float[] row, int ow, int f, FloatVector first, FloatVector second) {
        first.intoArray(row, ow * filters + f);
        second.intoArray(row, ow * filters + f + LANES);
    }

    /** The whole buffer under a batch or a view, from its root's first value. */
    private static FloatBuffer floats(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private void allocate(int lanes) {
        int borderedLength = geometry.borderedHeight() * borderedWidth * channels;
        if (bordered.length != lanes) {
            bordered = new float[lanes][borderedLength];
            row = new float[lanes][geometry.output().width() * filters];
            sums = new float[lanes][(patchLength + 1) * filters];
        }
    }

    /** One NHWC sample from {@code start} into the inside of {@code into}, whose border is never written, so stays 0. */
    private void border(FloatBuffer input, int start, float[] into) {
        int rowLength = geometry.input().width() * channels;
        for (int h = 0; h < geometry.input().height(); h++) {
            input.get(start + h * rowLength, into,
                    ((h + geometry.padTop()) * borderedWidth + geometry.padLeft()) * channels, rowLength);
        }
    }

    /**
     * Adds one sample's products, its output gradient starting at {@code dyStart}, to the lane's sums. Its inner loop
     * has the shape of {@link #convolveSample}'s: one method for both, its eight sums handed over through an array,
     * made the forward pass about a third slower and this one 40–150 % slower in {@code bench layers} (taking turns,
     * 2026-12-07 19:58 UTC), so each keeps its own.
     */
    private void addSample(FloatBuffer dy, int dyStart, int lane) {
        float[] x = bordered[lane];
        float[] gradients = row[lane];
        float[] into = sums[lane];
        int outWidth = geometry.output().width();
        int step = geometry.stride() * channels;
        for (int oh = 0; oh < geometry.output().height(); oh++) {
            dy.get(dyStart + oh * outWidth * filters, gradients, 0, gradients.length);
            int rowStart = oh * geometry.stride() * borderedWidth * channels;
            for (int f = 0; f < filters; f += 2 * LANES) {
                FloatVector bias0 = FloatVector.zero(FLOATS);
                FloatVector bias1 = bias0;
                for (int ow = 0; ow < outWidth; ow++) {
                    bias0 = bias0.add(FloatVector.fromArray(FLOATS, gradients, ow * filters + f));
                    bias1 = bias1.add(FloatVector.fromArray(FLOATS, gradients, ow * filters + f + LANES));
                }
                add(into, patchLength, f, bias0, bias1);
                for (int v = 0; v < patchLength; v += GROUP) {
                    int at0 = rowStart + patchOffsets[v];
                    int at1 = rowStart + patchOffsets[v + 1];
                    int at2 = rowStart + patchOffsets[v + 2];
                    int at3 = rowStart + patchOffsets[v + 3];
                    FloatVector s00 = FloatVector.zero(FLOATS);
                    FloatVector s01 = s00;
                    FloatVector s10 = s00;
                    FloatVector s11 = s00;
                    FloatVector s20 = s00;
                    FloatVector s21 = s00;
                    FloatVector s30 = s00;
                    FloatVector s31 = s00;
                    for (int ow = 0; ow < outWidth; ow++) {
                        FloatVector d0 = FloatVector.fromArray(FLOATS, gradients, ow * filters + f);
                        FloatVector d1 = FloatVector.fromArray(FLOATS, gradients, ow * filters + f + LANES);
                        int p = ow * step;
                        FloatVector x0 = FloatVector.broadcast(FLOATS, x[at0 + p]);
                        s00 = d0.fma(x0, s00);
                        s01 = d1.fma(x0, s01);
                        FloatVector x1 = FloatVector.broadcast(FLOATS, x[at1 + p]);
                        s10 = d0.fma(x1, s10);
                        s11 = d1.fma(x1, s11);
                        FloatVector x2 = FloatVector.broadcast(FLOATS, x[at2 + p]);
                        s20 = d0.fma(x2, s20);
                        s21 = d1.fma(x2, s21);
                        FloatVector x3 = FloatVector.broadcast(FLOATS, x[at3 + p]);
                        s30 = d0.fma(x3, s30);
                        s31 = d1.fma(x3, s31);
                    }
                    // a group past the last patch value repeats it; those sums are dropped
                    add(into, v, f, s00, s01);
                    if (v + 1 < patchLength) {
                        add(into, v + 1, f, s10, s11);
                    }
                    if (v + 2 < patchLength) {
                        add(into, v + 2, f, s20, s21);
                    }
                    if (v + 3 < patchLength) {
                        add(into, v + 3, f, s30, s31);
                    }
                }
            }
        }
    }

    /** Adds two vectors of filters, from filter {@code f} on, to row {@code value} of the sums. */
    private void add(float[] sums, int value, int f, FloatVector first, FloatVector second) {
        int at = value * filters + f;
        FloatVector.fromArray(FLOATS, sums, at).add(first).intoArray(sums, at);
        FloatVector.fromArray(FLOATS, sums, at + LANES).add(second).intoArray(sums, at + LANES);
    }
}
