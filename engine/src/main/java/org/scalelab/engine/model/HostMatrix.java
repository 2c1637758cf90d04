package org.scalelab.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies a small contiguous array (logits, class probabilities) between ND4J's native memory and a Java
 * array with one bulk NIO copy: element-wise {@code get}/{@code put} on a direct buffer costs ≈20 ns each, a
 * bulk copy runs at memory speed. FLOAT arrays pass through a float scratch array to widen or narrow.
 */
final class HostMatrix {
    private HostMatrix() {
    }

    static void read(INDArray source, double[] target, int count) {
        int offset = (int) source.offset();
        if (source.dataType() == DataType.FLOAT) {
            float[] values = new float[count];
            source.data().asNioFloat().get(offset, values, 0, count);
            for (int i = 0; i < count; i++) {
                target[i] = values[i];
            }
        } else {
            source.data().asNioDouble().get(offset, target, 0, count);
        }
    }

    static void write(double[] source, INDArray target, int count) {
        int offset = (int) target.offset();
        if (target.dataType() == DataType.FLOAT) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (float) source[i];
            }
            target.data().asNioFloat().put(offset, values, 0, count);
        } else {
            target.data().asNioDouble().put(offset, source, 0, count);
        }
    }
}
