package org.scalelab.engine.model.kernels;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weight and bias gradients of a convolution over FLOAT NHWC batches with the JDK's Vector API, straight from the
 * input and the output gradient: {@code dW[v][f] = Σₚ x[p + v]·dy[p][f]} over the output positions {@code p} and the
 * patch values {@code v = (kh, kw, c)}, and {@code db[f] = Σₚ dy[p][f]}. A vector holds 16 filters of one position (8
 * with AVX2), which lie side by side in NHWC; a position's input value is broadcast to every lane.
 *
 * <p>Why: a network's first convolution needs only these gradients, and through im2col and a matrix product
 * ({@code ConvolutionColumns}) {@code cnn-1m}'s took 2.7–2.8 ms a batch (41 GFLOP/s), most of it writing and reading
 * the 7 MB column matrix; this reads the input and dy once (docs/PERFORMANCE.md). Patch values are taken
 * {@link #GROUP} at a time against two vectors of filters, eight running sums that stay in registers along an output
 * row while dy's row waits in the L1 cache.
 *
 * <p>Fits layers whose filters fill pairs of vectors ({@link #fits}); others keep the matrix product. The samples are
 * shared among the worker's {@link IntraOpThreads}, each adding into sums of its own. Holds scratch, so an instance
 * serves one worker: each layer owns one.
 */
public final class ConvolutionVectors {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    /** Patch values summed in one pass along a row: with two vectors of filters, eight sums, each FMA's latency hidden. */
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
    /** Per intra-op thread: a sample inside its zero border, one row of dy, and the sums as {@code [patch + 1, filters]}. */
    private float[][] bordered = new float[0][];
    private float[][] dyRow = new float[0][];
    private float[][] sums = new float[0][];

    /** Whether a layer of {@code filters} filters fills pairs of vectors ({@link VectorApi#require} first). */
    public static boolean fits(int filters) {
        return filters % (2 * LANES) == 0;
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
        threads.split(batch, (long) outputPerSample * (patchLength + 1), (lane, from, to) -> {
            for (int n = from; n < to; n++) {
                border(input, (int) (x.offset() + (long) n * inputPerSample), bordered[lane]);
                addSample(outputGradients, (int) (dy.offset() + (long) n * outputPerSample), lane);
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

    /** The whole buffer under a batch or a view, from its root's first value. */
    private static FloatBuffer floats(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private void allocate(int lanes) {
        int borderedLength = geometry.borderedHeight() * borderedWidth * channels;
        if (bordered.length != lanes) {
            bordered = new float[lanes][borderedLength];
            dyRow = new float[lanes][geometry.output().width() * filters];
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

    /** Adds one sample's products, its output gradient starting at {@code dyStart}, to the lane's sums. */
    private void addSample(FloatBuffer dy, int dyStart, int lane) {
        float[] x = bordered[lane];
        float[] row = dyRow[lane];
        float[] into = sums[lane];
        int outWidth = geometry.output().width();
        int step = geometry.stride() * channels;
        for (int oh = 0; oh < geometry.output().height(); oh++) {
            dy.get(dyStart + oh * outWidth * filters, row, 0, row.length);
            int rowStart = oh * geometry.stride() * borderedWidth * channels;
            for (int f = 0; f < filters; f += 2 * LANES) {
                FloatVector bias0 = FloatVector.zero(FLOATS);
                FloatVector bias1 = bias0;
                for (int ow = 0; ow < outWidth; ow++) {
                    bias0 = bias0.add(FloatVector.fromArray(FLOATS, row, ow * filters + f));
                    bias1 = bias1.add(FloatVector.fromArray(FLOATS, row, ow * filters + f + LANES));
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
                        FloatVector d0 = FloatVector.fromArray(FLOATS, row, ow * filters + f);
                        FloatVector d1 = FloatVector.fromArray(FLOATS, row, ow * filters + f + LANES);
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
