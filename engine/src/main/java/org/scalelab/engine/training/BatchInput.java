package org.scalelab.engine.training;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.data.BatchAssembler;
import org.scalelab.engine.model.SampleShape;

/**
 * One worker's input batch: the host arrays the assembler fills and the ND4J arrays the network reads.
 * A worker sees only a few batch sizes — the full batch, its share of one, the short last one — so there is
 * one input array per size, made the first time the size occurs, and after the first epoch no step allocates.
 */
final class BatchInput {
    private final SampleShape shape;
    private final int imageSize;
    private final float[] pixels;
    private final int[] labels;
    private final Map<Integer, INDArray> bySize = new HashMap<>();

    /** @param maxCount the largest batch that will be loaded */
    BatchInput(SampleShape shape, int maxCount) {
        this.shape = shape;
        this.imageSize = shape.size();
        this.pixels = new float[maxCount * imageSize];
        this.labels = new int[maxCount];
    }

    /**
     * Assembles the images at {@code indices[from .. from+count)} and copies them into the input array.
     *
     * @return {@code [count, c, h, w]}, valid until the next load
     */
    INDArray load(BatchAssembler assembler, int[] indices, int from, int count, RandomGenerator random) {
        assembler.fill(indices, from, count, pixels, labels, random);
        INDArray input = bySize.computeIfAbsent(count,
                size -> Nd4j.createUninitialized(DataType.FLOAT, shape.batchShape(size)));
        input.data().asNioFloat().put(0, pixels, 0, count * imageSize);
        return input;
    }

    /** The labels of the last load, in its first {@code count} entries. */
    int[] labels() {
        return labels;
    }
}
