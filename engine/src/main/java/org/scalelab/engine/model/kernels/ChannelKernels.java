package org.scalelab.engine.model.kernels;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A per-channel affine map and centred product sums over activations read as a row-major
 * {@code [positions, channels]} matrix: NHWC images (positions = n·h·w) and {@code [n, f]} vectors alike, since
 * channels are the last axis of both. Batch normalisation is built from these and {@link Blas#gemv} (plain
 * per-channel sums, which OpenBLAS does at memory speed). ND4J's own {@code batchnorm_bp} corrects oneDNN's
 * result with generic broadcast and reduction ops that took 30 ms for a 64×32×32×32 batch.
 *
 * <p>Why the loops look as they do (JDK 17, 2 M values): per-channel coefficients are tiled to the chunk length
 * so that every loop is one flat pass over plain arrays, which C2 vectorises (an affine map in ≈1 ms, where a
 * loop nest over rows and channels took 3.5 ms); values move in L1-sized chunks by bulk NIO copies. Each
 * kernel has a FLOAT and a DOUBLE loop, identical but for the type: converting FLOAT chunks to double to share
 * one loop made every pass 2.5–5× slower. Sums accumulate per chunk position and are folded per channel in
 * double at the end.
 *
 * <p>Holds scratch arrays, so it is not thread-safe: each layer owns one.
 */
public final class ChannelKernels {
    /** Values per chunk, rounded down to whole rows (but at least one row): 16 KiB per float array. */
    private static final int CHUNK = 4096;

    private int channels;
    private int chunk;
    private float[] floatU = new float[0];
    private float[] floatV = new float[0];
    private float[] floatA = new float[0];
    private float[] floatB = new float[0];
    private float[] floatC = new float[0];
    private double[] doubleU = new double[0];
    private double[] doubleV = new double[0];
    private double[] doubleA = new double[0];
    private double[] doubleB = new double[0];
    private double[] doubleC = new double[0];

    /** {@code out[p, c] = a[c]·u[p, c] + b[c]·v[p, c] + c[c]}; {@code out} may be {@code u} or {@code v}. */
    public void affine(INDArray u, double[] a, INDArray v, double[] b, double[] c, INDArray out) {
        Layouts.checkCompatible(u, v);
        Layouts.checkCompatible(u, out);
        boolean single = prepare(u, a, b, c);
        for (long start = 0; start < u.length(); start += chunk) {
            int n = (int) Math.min(chunk, u.length() - start);
            readChunks(u, v, start, n, single);
            if (single) {
                for (int i = 0; i < n; i++) {
                    floatU[i] = floatA[i] * floatU[i] + floatB[i] * floatV[i] + floatC[i];
                }
                write(floatU, n, out, start);
            } else {
                for (int i = 0; i < n; i++) {
                    doubleU[i] = doubleA[i] * doubleU[i] + doubleB[i] * doubleV[i] + doubleC[i];
                }
                write(doubleU, n, out, start);
            }
        }
    }

    /** {@code out[c] = Σ_p (u[p, c] − uShift[c])·(v[p, c] − vShift[c])}: centred second moments. */
    public void centredProductSums(INDArray u, double[] uShift, INDArray v, double[] vShift, double[] out) {
        Layouts.checkCompatible(u, v);
        boolean single = prepare(u, uShift, vShift, null);  // the sums take the third tile's place
        Arrays.fill(floatC, 0);
        Arrays.fill(doubleC, 0);
        for (long start = 0; start < u.length(); start += chunk) {
            int n = (int) Math.min(chunk, u.length() - start);
            readChunks(u, v, start, n, single);
            if (single) {
                for (int i = 0; i < n; i++) {
                    floatC[i] += (floatU[i] - floatA[i]) * (floatV[i] - floatB[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    doubleC[i] += (doubleU[i] - doubleA[i]) * (doubleV[i] - doubleB[i]);
                }
            }
        }
        Arrays.fill(out, 0, channels, 0);
        for (int i = 0; i < chunk; i++) {
            out[i % channels] += single ? floatC[i] : doubleC[i];
        }
    }

    /**
     * Sets the chunk length for {@code array}'s channel count, sizes the scratch arrays and tiles the
     * per-channel coefficients (the third may be null) over the chunk, in the array's precision.
     *
     * @return whether the array is FLOAT (else DOUBLE)
     */
    private boolean prepare(INDArray array, double[] a, double[] b, double[] c) {
        channels = (int) array.size(array.rank() - 1);
        chunk = Math.max(1, CHUNK / channels) * channels;
        if (floatU.length < chunk) {
            floatU = new float[chunk];
            floatV = new float[chunk];
            floatA = new float[chunk];
            floatB = new float[chunk];
            floatC = new float[chunk];
            doubleU = new double[chunk];
            doubleV = new double[chunk];
            doubleA = new double[chunk];
            doubleB = new double[chunk];
            doubleC = new double[chunk];
        }
        boolean single = array.dataType() == DataType.FLOAT;
        tile(a, single ? floatA : null, doubleA);
        tile(b, single ? floatB : null, doubleB);
        if (c != null) {
            tile(c, single ? floatC : null, doubleC);
        }
        return single;
    }

    /** Repeats the per-channel values over the chunk, into the float tile if given, else the double one. */
    private void tile(double[] perChannel, float[] floatTile, double[] doubleTile) {
        if (perChannel.length < channels) {
            throw new IllegalArgumentException(channels + " channels but " + perChannel.length + " coefficients");
        }
        for (int i = 0; i < chunk; i++) {
            if (floatTile != null) {
                floatTile[i] = (float) perChannel[i % channels];
            } else {
                doubleTile[i] = perChannel[i % channels];
            }
        }
    }

    /** Copies {@code count} values from {@code start} of u and v into the U and V scratch of the given precision. */
    private void readChunks(INDArray u, INDArray v, long start, int count, boolean single) {
        if (single) {
            read(u, start, count, floatU);
            read(v, start, count, floatV);
        } else {
            read(u, start, count, doubleU);
            read(v, start, count, doubleV);
        }
    }

    private static void read(INDArray array, long start, int count, float[] into) {
        array.data().asNioFloat().get((int) (array.offset() + start), into, 0, count);
    }

    private static void read(INDArray array, long start, int count, double[] into) {
        array.data().asNioDouble().get((int) (array.offset() + start), into, 0, count);
    }

    private static void write(float[] values, int count, INDArray array, long start) {
        array.data().asNioFloat().put((int) (array.offset() + start), values, 0, count);
    }

    private static void write(double[] values, int count, INDArray array, long start) {
        array.data().asNioDouble().put((int) (array.offset() + start), values, 0, count);
    }
}
