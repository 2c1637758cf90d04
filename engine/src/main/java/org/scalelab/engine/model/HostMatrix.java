package org.scalelab.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies a small contiguous array (logits, class probabilities) between ND4J's native memory and a Java
 * array in one pass over an NIO view: cheaper than thousands of {@code getDouble} calls, and no allocation.
 */
final class HostMatrix {
    private HostMatrix() {
    }

    static void read(INDArray source, double[] target, int count) {
        long offset = source.offset();
        if (source.dataType() == DataType.FLOAT) {
            var view = source.data().asNioFloat();
            for (int i = 0; i < count; i++) {
                target[i] = view.get((int) offset + i);
            }
        } else {
            var view = source.data().asNioDouble();
            for (int i = 0; i < count; i++) {
                target[i] = view.get((int) offset + i);
            }
        }
    }

    static void write(double[] source, INDArray target, int count) {
        long offset = target.offset();
        if (target.dataType() == DataType.FLOAT) {
            var view = target.data().asNioFloat();
            for (int i = 0; i < count; i++) {
                view.put((int) offset + i, (float) source[i]);
            }
        } else {
            var view = target.data().asNioDouble();
            for (int i = 0; i < count; i++) {
                view.put((int) offset + i, source[i]);
            }
        }
    }
}
