package org.scalelab.engine.training;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.data.BatchAssembler;
import org.scalelab.engine.model.SampleShape;

/**
 * One worker's input batch: the host arrays the assembler fills and the ND4J arrays the network reads,
 * allocated once. Walking a set of {@code setSize} images in batches needs only two sizes — the full batch
 * and the shorter last one — so both are preallocated and no step allocates.
 */
final class BatchInput {
    private final int batchSize;
    private final int imageSize;
    private final float[] pixels;
    private final int[] labels;
    private final INDArray full;
    private final INDArray last;

    BatchInput(SampleShape shape, int batchSize, int setSize) {
        this.batchSize = batchSize;
        this.imageSize = shape.size();
        this.pixels = new float[batchSize * imageSize];
        this.labels = new int[batchSize];
        this.full = Nd4j.createUninitialized(DataType.FLOAT, shape.batchShape(batchSize));
        int remainder = setSize % batchSize;
        this.last = remainder == 0 ? null : Nd4j.createUninitialized(DataType.FLOAT, shape.batchShape(remainder));
    }

    /** Number of batches that cover {@code setSize} images, the short last one included. */
    static int batchCount(int setSize, int batchSize) {
        return (setSize + batchSize - 1) / batchSize;
    }

    /**
     * Assembles the images at {@code indices[from .. from+count)} and copies them into the input array.
     *
     * @return {@code [count, c, h, w]}, valid until the next load
     */
    INDArray load(BatchAssembler assembler, int[] indices, int from, int count, RandomGenerator random) {
        assembler.fill(indices, from, count, pixels, labels, random);
        INDArray input = count == batchSize ? full : last;
        input.data().asNioFloat().put(0, pixels, 0, count * imageSize);
        return input;
    }

    /** The labels of the last load, in its first {@code count} entries. */
    int[] labels() {
        return labels;
    }
}
