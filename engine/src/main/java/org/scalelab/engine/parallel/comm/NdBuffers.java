package org.scalelab.engine.parallel.comm;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bridges ND4J arrays to {@link Communicator}: the flat float buffer of an INDArray, without copying. */
public final class NdBuffers {
    private NdBuffers() {
    }

    /**
     * A FloatBuffer over exactly the elements of {@code array}, sharing its (off-heap) memory: writes through the
     * buffer change the array. The array must hold floats contiguously, like a network's flat parameter and
     * gradient buffers (or any contiguous view of them).
     */
    public static FloatBuffer view(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("collectives move floats; this array holds " + array.dataType());
        }
        if (array.length() > 1 && array.elementWiseStride() != 1) {
            throw new IllegalArgumentException("collectives need contiguous elements; this array has element stride "
                    + array.elementWiseStride());
        }
        // asNioFloat() spans the whole underlying allocation, positioned at this array's first element.
        FloatBuffer allocation = array.data().asNioFloat();
        return allocation.slice(allocation.position(), Math.toIntExact(array.length()));
    }

    /**
     * A vector of FLOATs over a direct buffer's memory, without copying: ND4J's operations on it write the buffer. The
     * memory stays the buffer's (ND4J does not free it), so the buffer must outlive the array.
     */
    public static INDArray wrap(FloatBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("only a direct buffer can back an array without copying");
        }
        FloatPointer pointer = new FloatPointer(buffer.slice());  // a slice starts at the position: JavaCPP takes the start
        long length = buffer.remaining();
        return Nd4j.create(Nd4j.createBuffer(pointer, DataType.FLOAT, length, FloatIndexer.create(pointer)),
                new long[] {length}, new long[] {1}, 0, 'c', DataType.FLOAT);
    }
}
