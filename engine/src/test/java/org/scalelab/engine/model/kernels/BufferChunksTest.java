package org.scalelab.engine.model.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BufferChunksTest {
    /** Two whole chunks and a part-filled third, each array a view at its own offset inside a larger buffer. */
    private static final int LENGTH = 2 * BufferChunks.CHUNK + 452;

    private static INDArray view(INDArray flat, int offset) {
        return flat.get(NDArrayIndex.interval(offset, offset + LENGTH));
    }

    /** {@code (i − offset)·scale} at index i, so that the view at {@code offset} counts from 0. */
    private static INDArray counting(int offset, float scale) {
        INDArray flat = Nd4j.create(DataType.FLOAT, LENGTH + 20);
        for (int i = 0; i < LENGTH + 20; i++) {
            flat.putScalar(i, (i - offset) * scale);
        }
        return flat;
    }

    @Test
    void everyElementMeetsItsPartnersOnceAndOnlyTheChangedArraysAreWritten() {
        INDArray targetBuffer = counting(3, 1);
        INDArray target = view(targetBuffer, 3);
        INDArray source = view(counting(11, 0.5f), 11);
        float[] sourceBefore = source.toFloatVector();
        int[] visits = new int[1];

        new BufferChunks(2).update(new INDArray[] {target, source}, 1, (chunks, count) -> {
            for (int i = 0; i < count; i++) {
                chunks[0][i] += chunks[1][i];
                chunks[1][i] = -1;
            }
            visits[0] += count;
        });

        assertEquals(LENGTH, visits[0]);
        float[] expected = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            expected[i] = i * 1.5f;
        }
        assertArrayEquals(expected, target.toFloatVector());
        assertArrayEquals(sourceBefore, source.toFloatVector(), "an array the rule may not change stays as it was");
        assertEquals(-1f, targetBuffer.getFloat(2), "the element before the view is untouched");
        assertEquals(LENGTH, targetBuffer.getFloat(LENGTH + 3), "the element after the view is untouched");
    }

    @Test
    void refusesArraysItCannotWalk() {
        BufferChunks chunks = new BufferChunks(2);
        INDArray floats = Nd4j.create(DataType.FLOAT, 8);
        IllegalArgumentException doubles = assertThrows(IllegalArgumentException.class, () -> chunks.update(
                new INDArray[] {Nd4j.create(DataType.DOUBLE, 8), Nd4j.create(DataType.DOUBLE, 8)}, 1, (c, n) -> { }));
        assertEquals("an update walks FLOAT arrays, got DOUBLE", doubles.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chunks.update(
                new INDArray[] {floats, Nd4j.create(DataType.FLOAT, 9)}, 1, (c, n) -> { }));
        assertThrows(IllegalArgumentException.class, () -> chunks.update(new INDArray[] {floats}, 1, (c, n) -> { }));
    }
}
