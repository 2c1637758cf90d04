package org.scalelab.engine.parallel.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NdBuffersTest {

    @Test
    void viewSharesTheArraysMemory() {
        INDArray array = counting(10);
        FloatBuffer view = NdBuffers.view(array);

        assertEquals(10, view.remaining());
        assertEquals(7f, view.get(7));
        view.put(3, -5f);
        assertEquals(-5f, array.getFloat(3));
    }

    @Test
    void viewOfASubrangeStartsAtItsOffset() {
        INDArray whole = counting(100);
        INDArray part = whole.get(NDArrayIndex.interval(20, 30));
        FloatBuffer view = NdBuffers.view(part);

        assertEquals(10, view.remaining());
        assertEquals(20f, view.get(0));
        view.put(9, -1f);
        assertEquals(-1f, whole.getFloat(29));
        assertEquals(30f, whole.getFloat(30));
    }

    @Test
    void refusesDoublesAndStridedViews() {
        assertThrows(IllegalArgumentException.class, () -> NdBuffers.view(Nd4j.zeros(DataType.DOUBLE, 4)));
        INDArray matrix = Nd4j.zeros(DataType.FLOAT, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> NdBuffers.view(matrix.getColumn(1)));
    }

    /** Gradients that live in shared memory: ND4J's operations write the buffer's own memory. */
    @Test
    void wrapBacksAnArrayWithADirectBuffersMemory() {
        FloatBuffer memory = ByteBuffer.allocateDirect(40).order(ByteOrder.nativeOrder()).asFloatBuffer();
        INDArray array = NdBuffers.wrap(memory);

        assertEquals(10, array.length());
        array.assign(2f).muli(3f);
        assertEquals(6f, memory.get(9));
        memory.put(4, -1f);
        assertEquals(-1f, array.getFloat(4));
        assertEquals(memory, NdBuffers.view(array), "the view of the array is the buffer again");
        assertThrows(IllegalArgumentException.class, () -> NdBuffers.wrap(FloatBuffer.allocate(4)));
    }

    /** A float vector holding 0, 1, 2, … */
    private static INDArray counting(int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        return Nd4j.createFromArray(values);
    }
}
