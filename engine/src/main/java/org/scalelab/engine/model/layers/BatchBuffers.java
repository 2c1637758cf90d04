package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.SampleShape;

/**
 * A reusable activation buffer for one sample shape. It is reallocated only when the batch size changes
 * (in practice: the shorter last batch of an epoch), so the training loop allocates nothing per step.
 */
final class BatchBuffers {
    private final SampleShape shape;
    private final Double fill;
    private INDArray buffer;

    /** Contents are unspecified: for buffers every use overwrites. */
    BatchBuffers(SampleShape shape) {
        this(shape, null);
    }

    private BatchBuffers(SampleShape shape, Double fill) {
        this.shape = shape;
        this.fill = fill;
    }

    /** A column of ones, {@code [batchSize, 1]}: turns bias broadcasts and bias gradients into BLAS calls. */
    static BatchBuffers ones() {
        return new BatchBuffers(SampleShape.vector(1), 1.0);
    }

    /** A buffer for a batch of this shape, in the {@link ActivationLayout}, with the given type. */
    INDArray get(long batchSize, DataType type) {
        if (buffer == null || buffer.size(0) != batchSize || buffer.dataType() != type) {
            long[] batchShape = ActivationLayout.batchShape(shape, batchSize);
            buffer = fill == null ? Nd4j.createUninitialized(type, batchShape) : Nd4j.valueArrayOf(batchShape, fill, type);
        }
        return buffer;
    }
}
