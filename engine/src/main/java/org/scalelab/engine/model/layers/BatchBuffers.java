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
    private INDArray buffer;

    BatchBuffers(SampleShape shape) {
        this.shape = shape;
    }

    /** A buffer of shape {@code [batchSize, ...shape]} with the given type; contents are unspecified. */
    INDArray get(long batchSize, DataType type) {
        if (buffer == null || buffer.size(0) != batchSize || buffer.dataType() != type) {
            buffer = Nd4j.createUninitialized(type, shape.batchShape((int) batchSize));
        }
        return buffer;
    }
}
