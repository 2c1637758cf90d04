package org.scalelab.engine.model.kernels;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Memory-layout checks for code that reads arrays as flat runs of FLOAT or DOUBLE values, as the kernels do, and the
 * parts of a batch that {@link IntraOpThreads} hands out.
 */
public final class Layouts {
    private Layouts() {
    }

    /** Both arrays FLOAT or both DOUBLE, of equal length, and contiguous row-major. */
    static void checkCompatible(INDArray a, INDArray b) {
        DataType type = a.dataType();
        if (a.length() != b.length() || b.dataType() != type || type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("kernel needs FLOAT or DOUBLE arrays of one type and length, got "
                    + a.length() + " " + type + " and " + b.length() + " " + b.dataType());
        }
        if (!rowMajorContiguous(a) || !rowMajorContiguous(b)) {
            throw new IllegalArgumentException("kernel needs contiguous row-major arrays");
        }
    }

    /**
     * Entries {@code [from, to)} along the first axis (samples of a batch, rows of a matrix): the array itself when
     * that is all of it, else a view.
     */
    public static INDArray rows(INDArray array, int from, int to) {
        if (from == 0 && to == array.size(0)) {
            return array;
        }
        INDArrayIndex[] indices = new INDArrayIndex[array.rank()];
        indices[0] = NDArrayIndex.interval(from, to);
        Arrays.fill(indices, 1, indices.length, NDArrayIndex.all());
        return array.get(indices);
    }

    /**
     * Where a sample of a contiguous batch starts in the array's NIO buffer ({@code data().asNio()}), which starts at the
     * root buffer of a view.
     */
    static int sampleStart(INDArray batch, int sample, int valuesPerSample) {
        return (int) (batch.offset() + (long) sample * valuesPerSample);
    }

    /**
     * Whether the elements lie without gaps in row-major order, so that two such arrays list them in the same
     * order (a transposed view is contiguous too, but in another order).
     */
    public static boolean rowMajorContiguous(INDArray array) {
        long expectedStride = 1;
        for (int axis = array.rank() - 1; axis >= 0; axis--) {
            if (array.size(axis) != 1 && array.stride(axis) != expectedStride) {
                return false;
            }
            expectedStride *= array.size(axis);
        }
        return true;
    }
}
