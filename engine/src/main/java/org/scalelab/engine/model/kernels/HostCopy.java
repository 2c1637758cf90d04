package org.scalelab.engine.model.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies ranges of a contiguous FLOAT or DOUBLE array between ND4J's native memory and a Java {@code double[]},
 * so that Java-side arithmetic is written once, in double, for both precisions. Element-wise {@code get}/{@code
 * put} on a direct buffer costs ≈20 ns per value; these bulk copies run at memory speed, FLOAT values passing
 * through a float scratch array to be widened or narrowed (the one place the two types need their own loop).
 *
 * <p>Holds that scratch array, so it is not thread-safe: each user owns one. A view's NIO buffer starts at its
 * root buffer, hence the {@code offset()}.
 */
public final class HostCopy {
    private float[] floats = new float[0];

    /** {@code target[0..count) = source[start..start + count)} in row-major order. */
    public void read(INDArray source, long start, double[] target, int count) {
        int from = (int) (source.offset() + start);
        if (source.dataType() == DataType.FLOAT) {
            float[] values = scratch(count);
            source.data().asNioFloat().get(from, values, 0, count);
            for (int i = 0; i < count; i++) {
                target[i] = values[i];
            }
        } else {
            source.data().asNioDouble().get(from, target, 0, count);
        }
    }

    /** {@code target[start..start + count) = source[0..count)} in row-major order. */
    public void write(double[] source, int count, INDArray target, long start) {
        int to = (int) (target.offset() + start);
        if (target.dataType() == DataType.FLOAT) {
            float[] values = scratch(count);
            for (int i = 0; i < count; i++) {
                values[i] = (float) source[i];
            }
            target.data().asNioFloat().put(to, values, 0, count);
        } else {
            target.data().asNioDouble().put(to, source, 0, count);
        }
    }

    private float[] scratch(int count) {
        if (floats.length < count) {
            floats = new float[count];
        }
        return floats;
    }
}
