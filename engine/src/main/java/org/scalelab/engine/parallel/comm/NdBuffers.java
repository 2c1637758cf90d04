package org.scalelab.engine.parallel.comm;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
}
